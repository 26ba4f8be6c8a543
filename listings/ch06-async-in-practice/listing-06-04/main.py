import asyncio

class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: открыто")
        return self

    async def __aexit__(self, *exc_info):
        await asyncio.sleep(0.01)  # прощальное сообщение серверу
        print(f"{self.name}: закрыто с прощанием")

async def talk(name, fail):
    async with Connection(name):
        if fail:
            raise ConnectionError("обрыв связи")

async def main():
    await talk("соединение 1", fail=False)
    try:
        await talk("соединение 2", fail=True)
    except ConnectionError as error:
        print(f"ошибка: {error}")

asyncio.run(main())
