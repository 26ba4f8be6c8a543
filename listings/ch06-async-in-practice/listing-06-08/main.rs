use std::cell::Cell;
use std::time::Duration;

use futures::stream::{self, StreamExt};

/// Сколько загрузок идёт сейчас и сколько шло одновременно самое большее.
#[derive(Default)]
struct InFlight {
    // все футуры выполняются в одной задаче: атомарные типы не нужны
    now: Cell<usize>,
    peak: Cell<usize>,
}

impl InFlight {
    fn enter(&self) {
        self.now.set(self.now.get() + 1);
        self.peak.set(self.peak.get().max(self.now.get()));
    }

    fn leave(&self) {
        self.now.set(self.now.get() - 1);
    }
}

async fn download(n: u64, in_flight: &InFlight) -> u64 {
    in_flight.enter();
    tokio::time::sleep(Duration::from_millis(10)).await; // имитация I/O
    in_flight.leave();
    n * n
}

#[tokio::main]
async fn main() {
    let in_flight = InFlight::default();
    let mut results: Vec<u64> = stream::iter(1..=6)
        .map(|n| download(n, &in_flight))
        // не больше двух футур одновременно, в порядке завершения
        .buffer_unordered(2)
        .collect()
        .await;
    results.sort();
    println!("результаты: {results:?}");
    println!(
        "одновременно выполнялось не больше: {}",
        in_flight.peak.get()
    );
}
