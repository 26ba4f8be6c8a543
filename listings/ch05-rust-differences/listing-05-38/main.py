import asyncio

async def square(n):
    await asyncio.sleep(0.1)  # имитация I/O
    return n * n

async def main():
    a, b = await asyncio.gather(square(2), square(3))
    print(f"два значения: {a} {b}")
    results = await asyncio.gather(*(square(n) for n in range(1, 6)))
    print(f"все значения: {results}")

asyncio.run(main())
