import asyncio

async def fetch(name):
    await asyncio.sleep(0.01)  # имитация I/O
    if name == "b":
        raise ConnectionError(f"{name}: сервер недоступен")
    return f"{name}: ответ"

async def main():
    results = await asyncio.gather(
        fetch("a"), fetch("b"), fetch("c"), return_exceptions=True
    )  # исключения — среди результатов, в порядке аргументов
    for result in results:
        if isinstance(result, Exception):
            print(f"ошибка: {result}")
        else:
            print(f"готово: {result}")

asyncio.run(main())
