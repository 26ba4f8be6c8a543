use std::time::Duration;

use tokio::task::JoinSet;

async fn square(n: u64) -> u64 {
    tokio::time::sleep(Duration::from_millis(100)).await; // имитация I/O
    n * n
}

#[tokio::main]
async fn main() {
    let (a, b) = tokio::join!(square(2), square(3));
    println!("два значения: {a} {b}");

    let mut tasks = JoinSet::new();
    for n in 1..=5 {
        // задача возвращает и своё число
        tasks.spawn(async move { (n, square(n).await) });
    }
    // `JoinSet` отдаёт результаты в порядке завершения,
    // `gather` — в порядке аргументов
    let mut pairs = tasks.join_all().await;
    pairs.sort_by_key(|&(n, _)| n);
    let results: Vec<u64> =
        pairs.into_iter().map(|(_, square)| square).collect();
    println!("все значения: {results:?}");
}
