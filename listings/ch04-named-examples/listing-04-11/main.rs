//! Сценарии для замеров раздела 4.6.
//!
//! Так программу запускает `ci/measure.sh`, собрав её в режиме release:
//! `measure <сценарий> [границы…]` выполняет один сценарий с полными
//! параметрами и печатает его результат и время работы в секундах — от начала
//! сценария до конца, без запуска процесса. Границы, если они заданы, заменяют
//! границы подсчёта простых чисел. Так её проверяют тесты книги: без аргумента
//! программа выполняет все сценарии с малыми параметрами и печатает только
//! результаты.

use std::time::{Duration, Instant};
use std::{env, thread};

use rayon::prelude::*;
use tokio::task::JoinSet;

/// Границы подсчёта простых чисел, число ожиданий и длительность одного
/// ожидания.
struct Size<'a> {
    limits: &'a [u64],
    tasks: usize,
    wait: Duration,
}

const FULL: Size<'static> = Size {
    limits: &[400_000, 480_000, 560_000, 640_000],
    tasks: 1000,
    wait: Duration::from_millis(500),
};
const SMALL: Size<'static> = Size {
    limits: &[1_000, 1_200, 1_400, 1_600],
    tasks: 100,
    wait: Duration::from_millis(10),
};
const JOBS: [&str; 6] = [
    "cpu-one-thread",
    "cpu-threads",
    "cpu-rayon",
    "cpu-rayon-fine",
    "io-threads",
    "io-tokio",
];

fn is_prime(n: u64) -> bool {
    (2..)
        .take_while(|d| d * d <= n)
        .all(|d| !n.is_multiple_of(d))
}

fn count_primes(limit: u64) -> usize {
    (2..limit).filter(|&n| is_prime(n)).count()
}

fn run(job: &str, size: &Size) -> String {
    match job {
        "cpu-one-thread" => {
            let counts: Vec<usize> = size
                .limits
                .iter()
                .map(|&limit| count_primes(limit))
                .collect();
            format!("{counts:?}")
        }
        "cpu-threads" => {
            let counts: Vec<usize> = thread::scope(|scope| {
                let handles: Vec<_> = size
                    .limits
                    .iter()
                    .map(|&limit| scope.spawn(move || count_primes(limit)))
                    .collect();
                handles
                    .into_iter()
                    .map(|handle| handle.join().unwrap())
                    .collect()
            });
            format!("{counts:?}")
        }
        "cpu-rayon" => {
            let counts: Vec<usize> = size
                .limits
                .par_iter()
                .map(|&limit| count_primes(limit))
                .collect();
            format!("{counts:?}")
        }
        "cpu-rayon-fine" => {
            // rayon делит между потоками не четыре вычисления, а сами числа
            let counts: Vec<usize> = size
                .limits
                .iter()
                .map(|&limit| (2..limit).into_par_iter())
                .map(|numbers| numbers.filter(|&n| is_prime(n)).count())
                .collect();
            format!("{counts:?}")
        }
        "io-threads" => {
            let wait = size.wait;
            let threads: Vec<_> = (0..size.tasks)
                .map(|_| thread::spawn(move || thread::sleep(wait)))
                .collect();
            let joined = threads
                .into_iter()
                .map(|thread| thread.join().unwrap())
                .count();
            joined.to_string()
        }
        "io-tokio" => tokio::runtime::Runtime::new().unwrap().block_on(async {
            let mut sleeps = JoinSet::new();
            for _ in 0..size.tasks {
                sleeps.spawn(tokio::time::sleep(size.wait));
            }
            sleeps.join_all().await.len().to_string()
        }),
        other => panic!("неизвестный сценарий {other:?}; допустимые: {JOBS:?}"),
    }
}

fn main() {
    let mut args = env::args().skip(1);
    match args.next() {
        Some(job) => {
            let parsed = args.map(|arg| arg.parse().unwrap());
            let mut limits: Vec<u64> = parsed.collect();
            if limits.is_empty() {
                limits = FULL.limits.to_vec();
            }
            let size = Size {
                limits: &limits,
                ..FULL
            };
            // монотонные часы: перевод системных не исказит замер
            let start = Instant::now();
            let result = run(&job, &size);
            println!("{job} {result} {:.6} с", start.elapsed().as_secs_f64());
        }
        None => {
            for job in JOBS {
                println!("{job} {}", run(job, &SMALL));
            }
        }
    }
}
