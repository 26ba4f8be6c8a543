use std::time::Duration;

async fn say_hello() {
    // имитация асинхронной операции
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("Hello, world!");
}

// то же, что `#[tokio::main] async fn main() { say_hello().await; }`
fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .build()
        .expect("не удалось создать среду выполнения tokio");
    runtime.block_on(say_hello());
}
