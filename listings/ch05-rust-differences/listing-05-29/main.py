import asyncio

async def add_one(lock, state):
    async with lock:
        value = state["count"]
        await asyncio.sleep(0)  # переключение внутри критической секции
        state["count"] = value + 1

async def main():
    lock = asyncio.Lock()
    state = {"count": 0}
    await asyncio.gather(*(add_one(lock, state) for _ in range(100)))
    print(f"счётчик: {state['count']}")

asyncio.run(main())
