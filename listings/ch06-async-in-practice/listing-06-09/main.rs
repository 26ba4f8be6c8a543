use std::pin::pin;
use std::time::Duration;

use futures::stream::{self, Stream, StreamExt};

fn ticks(count: u32) -> impl Stream<Item = u32> {
    // состояние — номер следующего значения; `None` заканчивает итерацию
    stream::unfold(1, move |n| async move {
        if n > count {
            return None;
        }
        // следующее значение приходится ждать
        tokio::time::sleep(Duration::from_millis(10)).await;
        Some((n, n + 1)) // значение и новое состояние
    })
}

#[tokio::main]
async fn main() {
    let mut numbers = pin!(ticks(3)); // `next()` требует закреплённый `Stream`
    while let Some(n) = numbers.next().await {
        println!("получено: {n}");
    }
    let squares: Vec<u32> = ticks(6)
        // условие у `filter` — тоже футура
        .filter(|&n| async move { n % 2 == 0 })
        .map(|n| n * n)
        .collect()
        .await;
    println!("квадраты чётных: {squares:?}");
}
