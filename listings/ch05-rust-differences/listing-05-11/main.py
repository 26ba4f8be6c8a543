import asyncio

async def main():
    data = [1, 2, 3]

    async def report():
        print(f"сумма: {sum(data)}")  # корутина видит локальный список `main`

    task = asyncio.create_task(report())
    await task

asyncio.run(main())
