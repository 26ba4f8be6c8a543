import asyncio

async def producer(queue):
    for item in range(1, 4):
        await queue.put(item)
    # маркер конца: до Python 3.13 закрыть `asyncio.Queue` нельзя
    await queue.put(None)

async def consumer(queue):
    while (item := await queue.get()) is not None:
        print(f"получено: {item}")
    print("очередь закрыта")

async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))

asyncio.run(main())
