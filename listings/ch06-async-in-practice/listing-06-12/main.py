import asyncio

async def waiter(name, event):
    await event.wait()
    return name

async def main():
    event = asyncio.Event()
    early = [asyncio.create_task(waiter(f"ждущий {n}", event)) for n in (1, 2)]
    event.set()  # событие остаётся установленным, пока не вызван `clear()`
    woken = await asyncio.gather(*early)
    print(f"проснулись: {', '.join(woken)}")
    late = await waiter("опоздавший", event)
    print(f"{late} прошёл сразу: событие уже установлено")

asyncio.run(main())
