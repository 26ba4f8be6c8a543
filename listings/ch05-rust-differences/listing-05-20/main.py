import asyncio

async def worker(go, done):
    await go.wait()
    done.set_result("задача доработала")

def state(task):
    return "задача отменена" if task.cancelled() else "задача доработала"

async def main():
    loop = asyncio.get_running_loop()

    go, done = asyncio.Event(), loop.create_future()
    task = asyncio.create_task(worker(go, done))
    await asyncio.sleep(0)  # задача запускается и ждёт `go`
    del task  # своей ссылки на задачу больше нет, но задача не отменена
    go.set()
    print(f"del task: {await done}")

    task = asyncio.create_task(worker(asyncio.Event(), loop.create_future()))
    try:
        await asyncio.wait_for(task, timeout=0.01)
    # до Python 3.11 это не встроенный `TimeoutError`
    except asyncio.TimeoutError:
        print(f"wait_for(task): тайм-аут, {state(task)}")

    task = asyncio.create_task(worker(asyncio.Event(), loop.create_future()))
    task.cancel()
    await asyncio.wait({task})
    print(f"task.cancel(): {state(task)}")

asyncio.run(main())
