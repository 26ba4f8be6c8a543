use std::sync::{Arc, Mutex};

fn add_one(count: &Mutex<u32>) {
    // между `lock()` и концом функции нет `.await`:
    // блокировка удерживается лишь мгновение
    *count.lock().unwrap() += 1;
}

#[tokio::main]
async fn main() {
    let count = Arc::new(Mutex::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..100 {
        let count = Arc::clone(&count);
        tasks.spawn(async move { add_one(&count) });
    }
    tasks.join_all().await;
    println!("счётчик: {}", *count.lock().unwrap());
}
