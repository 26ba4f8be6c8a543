import asyncio
from concurrent.futures import ProcessPoolExecutor

def count_primes(limit):  # CPU-bound: выполняется в другом процессе
    return sum(
        1
        for n in range(2, limit)
        if all(n % d for d in range(2, int(n**0.5) + 1))
    )

async def main():
    loop = asyncio.get_running_loop()
    # в настоящей программе пул создают один раз: выход из `with` ждёт
    # процессы пула и на это время блокирует цикл событий
    with ProcessPoolExecutor() as pool:
        # цикл событий не занят вычислением и обслуживает другие задачи
        count = await loop.run_in_executor(pool, count_primes, 80_000)
    print(f"простых чисел меньше 80000: {count}")

if __name__ == "__main__":
    asyncio.run(main())
