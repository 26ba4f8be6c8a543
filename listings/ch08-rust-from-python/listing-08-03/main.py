"""Вычисления на Rust в программе на asyncio: прямой вызов и to_thread."""
import asyncio

import primes


async def count(limit, in_thread):
    if in_thread:
        # вызов уходит в поток, а корутина ждёт результата,
        # не занимая цикл событий
        result = await asyncio.to_thread(primes.count_primes, limit)
    else:
        # цикл событий стоит, пока не вернётся вызов
        result = primes.count_primes(limit)
    print(f"  простых чисел меньше {limit}: {result}")


async def other():
    print("  другая корутина выполнилась")


async def main():
    for in_thread in [False, True]:
        print("asyncio.to_thread:" if in_thread else "прямой вызов:")
        await asyncio.gather(count(100_000, in_thread), other())


asyncio.run(main())
