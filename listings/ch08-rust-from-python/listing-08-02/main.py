"""Подсчёт простых чисел раздела 4.6 на Rust, вызванный из Python.

Как и листинг 4-11: `python3 main.py <сценарий> [границы…]` выполняет один
сценарий с полными границами и печатает его результат и время работы в секундах
(так программу запускает `ci/measure.sh`), а без аргумента — все сценарии с
малыми границами и только результаты (так её проверяют тесты книги).
"""
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import primes

FULL = [400_000, 480_000, 560_000, 640_000]
SMALL = [1_000, 1_200, 1_400, 1_600]


def in_threads(count, limits):
    with ThreadPoolExecutor(max_workers=len(limits)) as pool:
        return list(pool.map(count, limits))


def one_thread(limits):
    return [primes.count_primes(limit) for limit in limits]


def threads_holding_gil(limits):
    # каждый поток ждёт GIL, пока другой считает: вычисления идут по одному
    return in_threads(primes.count_primes_holding_gil, limits)


def threads(limits):
    # GIL отпущен: потоки считают на всех ядрах
    return in_threads(primes.count_primes, limits)


def per_number(limits):
    # вызов на каждое число: граница пересекается сотни тысяч раз
    return [sum(map(primes.is_prime, range(2, limit))) for limit in limits]


JOBS = {
    "rust-one-thread": one_thread,
    "rust-threads-holding-gil": threads_holding_gil,
    "rust-threads": threads,
    "rust-per-number": per_number,
}

if __name__ == "__main__":
    if len(sys.argv) > 1:
        job, limits = sys.argv[1], [int(arg) for arg in sys.argv[2:]] or FULL
        start = time.perf_counter()
        result = JOBS[job](limits)
        print(job, result, f"{time.perf_counter() - start:.6f} с")
    else:
        for job, run in JOBS.items():
            print(job, run(SMALL))
