"""Сценарии для замеров раздела 4.6.

Так программу запускает `ci/measure.sh`: `python3 main.py <сценарий> [границы…]`
выполняет один сценарий с полными параметрами и печатает его результат и время
работы в секундах — от начала сценария до конца, без запуска интерпретатора и
импорта модулей. Границы, если они заданы, заменяют границы подсчёта простых
чисел. Так её проверяют тесты книги: без аргумента программа выполняет все
сценарии с малыми параметрами и печатает только результаты.
"""
import asyncio
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

# границы подсчёта простых чисел, число ожиданий и длительность одного ожидания
FULL = ([400_000, 480_000, 560_000, 640_000], 1000, 0.5)
SMALL = ([1_000, 1_200, 1_400, 1_600], 100, 0.01)


def count_primes(limit):
    return sum(
        1
        for n in range(2, limit)
        if all(n % d for d in range(2, int(n**0.5) + 1))
    )


def cpu_one_thread(limits):
    return [count_primes(limit) for limit in limits]


def cpu_threads(limits):
    with ThreadPoolExecutor(max_workers=len(limits)) as pool:
        return list(pool.map(count_primes, limits))


def cpu_processes(limits):
    with Pool() as pool:
        return pool.map(count_primes, limits)


def io_threads(tasks, wait):
    threads = [
        threading.Thread(target=time.sleep, args=(wait,)) for _ in range(tasks)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(threads)


async def sleep_all(tasks, wait):
    return len(
        await asyncio.gather(*(asyncio.sleep(wait) for _ in range(tasks)))
    )


def io_asyncio(tasks, wait):
    return asyncio.run(sleep_all(tasks, wait))


CPU_JOBS = {
    "cpu-one-thread": cpu_one_thread,
    "cpu-threads": cpu_threads,
    "cpu-processes": cpu_processes,
}
IO_JOBS = {"io-threads": io_threads, "io-asyncio": io_asyncio}


def run(job, size):
    limits, tasks, wait = size
    if job in CPU_JOBS:
        return CPU_JOBS[job](limits)
    return IO_JOBS[job](tasks, wait)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        job, limits = sys.argv[1], [int(arg) for arg in sys.argv[2:]]
        size = (limits or FULL[0], *FULL[1:])
        # монотонные часы: перевод системных не исказит замер
        start = time.perf_counter()
        result = run(job, size)
        print(job, result, f"{time.perf_counter() - start:.6f} с")
    else:
        for job in [*CPU_JOBS, *IO_JOBS]:
            print(job, run(job, SMALL))
