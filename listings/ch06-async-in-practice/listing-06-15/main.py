import asyncio

async def counter(requests):
    total = 0
    while (request := await requests.get()) is not None:
        amount, reply = request
        if amount < 0:
            continue  # ошибка: забыли ответить
        total += amount
        reply.set_result(total)

async def add(requests, amount):
    # результат в неё положит счётчик
    reply = asyncio.get_running_loop().create_future()
    await requests.put((amount, reply))
    return await reply

async def main():
    requests = asyncio.Queue()
    actor = asyncio.create_task(counter(requests))
    print(f"после +2: {await add(requests, 2)}")
    print(f"после +3: {await add(requests, 3)}")
    try:
        print(f"после -1: {await asyncio.wait_for(add(requests, -1), 0.05)}")
    except asyncio.TimeoutError:  # без тайм-аута ждали бы вечно
        print("после -1: ответа нет, ожидание прервал тайм-аут")
    await requests.put(None)  # маркер конца
    await actor

asyncio.run(main())
