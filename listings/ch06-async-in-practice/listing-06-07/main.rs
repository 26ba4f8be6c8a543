use std::time::Duration;

use tokio::sync::mpsc;

async fn slow() {
    tokio::time::sleep(Duration::from_millis(1)).await; // медленный потребитель
}

async fn bounded(count: u32) -> usize {
    let (sender, mut receiver) = mpsc::channel(4);
    let consumer = tokio::spawn(async move {
        let mut longest = 0;
        loop {
            longest = longest.max(receiver.len());
            if receiver.recv().await.is_none() {
                return longest;
            }
            slow().await;
        }
    });
    for n in 0..count {
        sender.send(n).await.unwrap(); // ждёт, только если канал полон
    }
    drop(sender);
    consumer.await.unwrap()
}

async fn unbounded(count: u32) -> usize {
    let (sender, mut receiver) = mpsc::unbounded_channel();
    let consumer = tokio::spawn(async move {
        let mut longest = 0;
        loop {
            longest = longest.max(receiver.len());
            if receiver.recv().await.is_none() {
                return longest;
            }
            slow().await;
        }
    });
    for n in 0..count {
        sender.send(n).unwrap(); // не ждёт никогда: `send` здесь синхронный
    }
    drop(sender);
    consumer.await.unwrap()
}

// один поток, как в asyncio: счёт одинаков при каждом запуске
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let longest = bounded(100).await;
    println!("ёмкость 4: в очереди ждали до {longest} сообщений");
    let longest = unbounded(100).await;
    println!("без ограничения: в очереди ждали до {longest} сообщений");
}
