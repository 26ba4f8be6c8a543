use std::time::Duration;

async fn say_hello() {
    // имитация асинхронной операции
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("Hello, world!");
}

// Запуск цикла событий: `#[tokio::main]` создаёт среду выполнения
#[tokio::main]
async fn main() {
    say_hello().await;
}
