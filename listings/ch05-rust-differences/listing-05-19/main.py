import asyncio

async def worker(started):
    print("работа началась")
    started.set()
    try:
        await asyncio.sleep(10)
        print("работа закончилась")  # не выполнится: задачу отменят
    except asyncio.CancelledError:
        print("worker получил CancelledError")
        raise

async def main():
    started = asyncio.Event()
    task = asyncio.create_task(worker(started))
    await started.wait()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("задача отменена")

asyncio.run(main())
