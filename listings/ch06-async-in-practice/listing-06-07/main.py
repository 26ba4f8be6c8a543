import asyncio

async def consume(queue, count):
    longest = 0
    for _ in range(count):
        longest = max(longest, queue.qsize())
        await queue.get()
        await asyncio.sleep(0.001)  # медленный потребитель
    return longest

async def produce(queue, count):
    consumer = asyncio.create_task(consume(queue, count))
    for n in range(count):
        await queue.put(n)  # ждёт, только если очередь полна
    return await consumer

async def main():
    longest = await produce(asyncio.Queue(maxsize=4), 100)
    print(f"ёмкость 4: в очереди ждали до {longest} сообщений")
    longest = await produce(asyncio.Queue(), 100)
    print(f"без ограничения: в очереди ждали до {longest} сообщений")

asyncio.run(main())
