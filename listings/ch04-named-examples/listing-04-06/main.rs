//! Сценарии для замеров главы 4.5.
//!
//! `measure <сценарий>` выполняет один сценарий с полными параметрами (так его
//! запускает ci/measure.sh, собрав программу в release); без аргумента программа
//! прогоняет все сценарии с малыми параметрами и печатает их результаты (так её
//! проверяют тесты книги).

use std::time::Duration;
use std::{env, thread};

use rayon::prelude::*;
use tokio::task::JoinSet;

/// Границы подсчёта простых чисел, число ожиданий и длительность одного ожидания.
struct Size {
    limits: &'static [u64],
    tasks: usize,
    wait: Duration,
}

const FULL: Size = Size {
    limits: &[400_000, 480_000, 560_000, 640_000],
    tasks: 1000,
    wait: Duration::from_millis(500),
};
const SMALL: Size = Size {
    limits: &[1_000, 1_200, 1_400, 1_600],
    tasks: 100,
    wait: Duration::from_millis(10),
};
const JOBS: [&str; 5] = [
    "cpu-one-thread",
    "cpu-threads",
    "cpu-rayon",
    "io-threads",
    "io-tokio",
];

fn count_primes(limit: u64) -> usize {
    (2..limit)
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
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
        other => panic!("неизвестный сценарий {other:?}; есть {JOBS:?}"),
    }
}

fn main() {
    match env::args().nth(1) {
        Some(job) => {
            run(&job, &FULL);
        }
        None => {
            for job in JOBS {
                println!("{job} {}", run(job, &SMALL));
            }
        }
    }
}
