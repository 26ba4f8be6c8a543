import asyncio

async def slow(go):
    await go.wait()  # ответ будет готов по сигналу `go`
    return "медленный: ответ готов"

async def broken():
    raise ConnectionError("сервер недоступен")

async def main():
    go = asyncio.Event()
    slow_task = asyncio.create_task(slow(go))
    try:
        await asyncio.gather(slow_task, broken())
    except ConnectionError as error:
        print(f"ошибка: {error}")
    go.set()
    # `gather` не отменил медленную задачу: она доработала
    print(await slow_task)

asyncio.run(main())
