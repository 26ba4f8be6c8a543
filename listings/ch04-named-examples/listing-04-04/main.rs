use rayon::prelude::*;

fn count_primes(limit: u64) -> usize {
    // CPU-bound: перебор делителей
    (2..limit)
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
}

fn main() {
    let limits = [20_000, 40_000, 60_000, 80_000];
    let counts: Vec<usize> = limits
        .par_iter()
        .map(|&limit| count_primes(limit))
        .collect();
    for (limit, count) in limits.iter().zip(counts) {
        println!("простых чисел меньше {limit}: {count}");
    }
}
