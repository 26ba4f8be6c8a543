import asyncio

async def slow_server():
    try:
        await asyncio.sleep(10)
        return "медленный сервер"
    except asyncio.CancelledError:
        print("медленный сервер: задача отменена")
        raise

async def broken_server():
    raise ConnectionError("сервер недоступен")

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(slow_server())
            group.create_task(broken_server())
    except* ConnectionError as errors:
        print(f"ошибка: {errors.exceptions[0]}")

asyncio.run(main())
