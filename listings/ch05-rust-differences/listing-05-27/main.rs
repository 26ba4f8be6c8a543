use std::sync::Arc;

use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;

async fn worker(receiver: Arc<Mutex<mpsc::Receiver<u64>>>) -> Vec<u64> {
    let mut squares = Vec::new();
    loop {
        // охранник уничтожается в конце оператора:
        // элемент обрабатывают без блокировки
        let item = receiver.lock().await.recv().await;
        match item {
            Some(n) => squares.push(n * n),
            None => return squares, // все отправители уничтожены, канал пуст
        }
    }
}

#[tokio::main]
async fn main() {
    let (sender, receiver) = mpsc::channel(8);
    let receiver = Arc::new(Mutex::new(receiver)); // `Receiver` не клонируется
    let mut workers = JoinSet::new();
    for _ in 0..3 {
        workers.spawn(worker(Arc::clone(&receiver)));
    }
    for n in 1..=6 {
        sender.send(n).await.unwrap();
    }
    drop(sender); // закрыть канал: обработчики выйдут из цикла
    let squares: Vec<u64> = workers.join_all().await.concat();
    let sum: u64 = squares.iter().sum();
    println!("обработано: {}, сумма квадратов: {sum}", squares.len());
}
