"""Модуль `primes` из листинга 8-1 вызывается как обычный модуль Python."""
import primes


def count_primes(limit):
    # подсчёт из листинга 4-11 на чистом Python, для сравнения
    return sum(
        1
        for n in range(2, limit)
        if all(n % d for d in range(2, int(n**0.5) + 1))
    )


print(primes.count_primes(1000), count_primes(1000))
# вызов на каждое число: тот же ответ, но 998 переходов границы вместо одного
print(sum(map(primes.is_prime, range(2, 1000))))
print(primes.nth_prime(168))
# аргумент переводится в u64 на границе:
# неподходящий отвергает PyO3, а не код на Rust
for bad in [-1, 2**64, "1000", 1000.0]:
    try:
        primes.count_primes(bad)
    except (OverflowError, TypeError) as error:
        print(f"{bad!r}: {type(error).__name__}: {error}")
