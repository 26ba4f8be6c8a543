use tokio::sync::oneshot;

fn count_primes(limit: u64) -> usize {
    // CPU-bound: выполняется в пуле потоков rayon
    (2..limit)
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
}

async fn count_primes_on_rayon(limit: u64) -> usize {
    let (sender, receiver) = oneshot::channel();
    rayon::spawn(move || {
        let _ = sender.send(count_primes(limit));
    });
    // рабочий поток tokio не занят вычислением и обслуживает другие задачи
    receiver.await.expect("канал oneshot закрыт без ответа")
}

#[tokio::main]
async fn main() {
    let count = count_primes_on_rayon(80_000).await;
    println!("простых чисел меньше 80000: {count}");
}
