import asyncio


async def countdown(n):
    if n == 0:
        print("пуск")
        return
    print(n)
    await countdown(n - 1)


asyncio.run(countdown(3))
