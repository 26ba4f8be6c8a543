use std::sync::{Arc, Mutex};

async fn add_one(count: Arc<Mutex<u32>>) {
    let mut count = count.lock().unwrap();
    let value = *count;
    // охранник `std::sync::Mutex` переживает `.await`
    tokio::task::yield_now().await;
    *count = value + 1;
}

#[tokio::main]
async fn main() {
    let count = Arc::new(Mutex::new(0));
    let task = tokio::spawn(add_one(Arc::clone(&count)));
    task.await.unwrap();
    println!("счётчик: {}", *count.lock().unwrap());
}
