import asyncio

async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name}: ответ готов")
    return name

async def main():
    fast = asyncio.create_task(fetch("быстрый сервер", 1))
    slow = asyncio.create_task(fetch("медленный сервер", 2))
    done, _ = await asyncio.wait(
        {fast, slow}, return_when=asyncio.FIRST_COMPLETED
    )
    print(f"первым ответил: {done.pop().result()}")
    await slow  # `cancel()` не вызван: медленная задача работает дальше

asyncio.run(main())
