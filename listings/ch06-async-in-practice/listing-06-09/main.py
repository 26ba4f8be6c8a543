import asyncio

async def ticks(count):
    for n in range(1, count + 1):
        await asyncio.sleep(0.01)  # следующее значение приходится ждать
        yield n

async def main():
    async for n in ticks(3):
        print(f"получено: {n}")
    squares = [n * n async for n in ticks(6) if n % 2 == 0]
    print(f"квадраты чётных: {squares}")

asyncio.run(main())
