//! Модуль `primes` для Python: подсчёт простых чисел из раздела 4.6 на Rust.

#[pyo3::pymodule]
mod primes {
    use pyo3::prelude::*;

    fn is_prime_number(n: u64) -> bool {
        (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
    }

    fn count(limit: u64) -> usize {
        (2..limit).filter(|&n| is_prime_number(n)).count()
    }

    /// Число простых чисел, меньших `limit`; GIL на время вычислений отпущен.
    #[pyfunction]
    fn count_primes(py: Python<'_>, limit: u64) -> usize {
        // без GIL нельзя трогать объекты Python, зато другие потоки работают
        py.detach(|| count(limit))
    }

    /// То же, но GIL занят всё время вычислений.
    #[pyfunction]
    fn count_primes_holding_gil(limit: u64) -> usize {
        count(limit)
    }

    /// Простое ли `n`: один вызов — одно число.
    #[pyfunction]
    fn is_prime(n: u64) -> bool {
        is_prime_number(n)
    }

    /// `n`-е простое число, считая с 1.
    #[pyfunction]
    fn nth_prime(n: usize) -> u64 {
        assert!(n > 0, "простые числа нумеруются с 1, а не с 0");
        (2..).filter(|&k| is_prime_number(k)).nth(n - 1).unwrap()
    }
}
