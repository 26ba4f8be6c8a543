import asyncio

async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return name

async def main():
    fast = asyncio.create_task(fetch("быстрый сервер", 1))
    slow = asyncio.create_task(fetch("медленный сервер", 2))
    done, pending = await asyncio.wait(
        {fast, slow}, return_when=asyncio.FIRST_COMPLETED
    )
    for task in pending:
        task.cancel()  # оставшуюся задачу отменяем явно
    print(f"первым ответил: {done.pop().result()}")

asyncio.run(main())
