import asyncio
import time

async def task1():
    print("Start task1")
    time.sleep(2)  # ошибка: блокирует цикл событий
    print("End task1")

async def task2():
    print("Start task2")
    await asyncio.sleep(1)  # имитация I/O
    print("End task2")

async def main():
    await asyncio.gather(
        asyncio.create_task(task1()), asyncio.create_task(task2())
    )

asyncio.run(main())
