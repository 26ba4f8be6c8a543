import asyncio

async def produce(queue):
    for n in range(1, 8):
        await queue.put(n)
    await queue.put(None)  # маркер конца

async def messages(queue):
    while (item := await queue.get()) is not None:
        yield item

async def batches(items, size):
    batch = []
    async for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch  # неполная последняя пачка

async def main():
    queue = asyncio.Queue(maxsize=2)
    producer = asyncio.create_task(produce(queue))
    async for batch in batches(messages(queue), 3):
        print(f"пачка: {batch}")
    await producer

asyncio.run(main())
