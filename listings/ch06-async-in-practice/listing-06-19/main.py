import asyncio
import gc

def report(loop, context):
    # как `panic::set_hook` в Rust; по умолчанию сообщение уходит
    # в журнал `asyncio` (stderr)
    print(f"[журнал] {context['message']}: {context['exception']!r}")

async def divide(a, b):
    return a // b

async def main():
    asyncio.get_running_loop().set_exception_handler(report)
    print(f"6 // 3 = {await asyncio.create_task(divide(6, 3))}")
    try:
        await asyncio.create_task(divide(1, 0))
    except ZeroDivisionError as error:  # исключение задачи забрал `await`
        print(f"задача упала: {error}")
    forgotten = asyncio.create_task(divide(2, 0))
    await asyncio.sleep(0)  # задача упала, а её исключение никто не забрал
    del forgotten  # сообщение появится, когда задачу уничтожат
    gc.collect()  # на случай, если задачу держат циклические ссылки
    print("main работает дальше")

asyncio.run(main())
