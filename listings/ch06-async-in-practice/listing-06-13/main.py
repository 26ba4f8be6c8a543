import asyncio

async def main():
    fast, slow = asyncio.Queue(), asyncio.Queue()
    subscribers = [fast, slow]  # у каждого подписчика своя очередь
    fast_got = []
    for n in range(1, 6):
        for queue in subscribers:
            queue.put_nowait(n)
        fast_got.append(await fast.get())  # быстрый подписчик читает сразу
    for queue in subscribers:
        queue.put_nowait(None)  # маркер конца
    print(f"быстрый получил: {fast_got}")
    slow_got = []
    while (n := await slow.get()) is not None:  # медленный читает только теперь
        slow_got.append(n)
    print(f"медленный получил: {slow_got}")

asyncio.run(main())
