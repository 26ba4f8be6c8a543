from multiprocessing import Pool

def count_primes(limit):  # CPU-bound: перебор делителей
    return sum(
        1
        for n in range(2, limit)
        if all(n % d for d in range(2, int(n**0.5) + 1))
    )

if __name__ == "__main__":
    limits = [20_000, 40_000, 60_000, 80_000]
    with Pool() as pool:
        for limit, count in zip(limits, pool.map(count_primes, limits)):
            print(f"простых чисел меньше {limit}: {count}")
