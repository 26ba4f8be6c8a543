use std::sync::Arc;

use std::sync::Mutex;

async fn add_one(count: Arc<Mutex<u32>>) {
    let mut count = count.lock().unwrap();
    let value = *count;
    tokio::task::yield_now().await; // переключение внутри критической секции
    *count = value + 1;
}

#[tokio::main]
async fn main() {
    let count = Arc::new(Mutex::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..100 {
        tasks.spawn(add_one(Arc::clone(&count)));
    }
    tasks.join_all().await;
    println!("счётчик: {}", *count.lock().unwrap());
}
