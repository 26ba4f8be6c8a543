import asyncio

async def session(n, closed):
    try:
        await asyncio.sleep(3600)  # обслуживаем клиента, пока задачу не отменят
    finally:
        # прощальное сообщение клиенту: очистка с `await`
        await asyncio.sleep(0.01)
        closed.append(n)

async def main():
    closed = []
    tasks = [asyncio.create_task(session(n, closed)) for n in range(1, 4)]
    print("сигнал остановки")
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"закрыто сессий: {len(closed)}")

asyncio.run(main())
