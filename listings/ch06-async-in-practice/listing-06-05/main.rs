use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;

/// Сколько загрузок идёт сейчас и сколько шло одновременно самое большее.
#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl InFlight {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
    }

    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn download(n: u64, in_flight: &InFlight) -> u64 {
    in_flight.enter();
    tokio::time::sleep(Duration::from_millis(10)).await; // имитация I/O
    in_flight.leave();
    n * n
}

// один поток, как в asyncio: счёт одинаков при каждом запуске
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let limit = Arc::new(Semaphore::new(2));
    let in_flight = Arc::new(InFlight::default());
    let mut tasks = Vec::new();
    for n in 1..=6 {
        // ждём свободное место до того, как создать задачу
        let permit = Arc::clone(&limit).acquire_owned().await.unwrap();
        let in_flight = Arc::clone(&in_flight);
        tasks.push(tokio::spawn(async move {
            let square = download(n, &in_flight).await;
            drop(permit); // разрешение перешло в задачу и возвращается здесь
            square
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    println!("результаты: {results:?}");
    println!(
        "одновременно выполнялось не больше: {}",
        in_flight.peak.load(Ordering::SeqCst)
    );
}
