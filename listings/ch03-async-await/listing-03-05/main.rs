use std::time::Duration;

async fn say_hello() {
    // имитация асинхронной операции
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("Hello, world!");
}

// ANCHOR: main
// то же, что `#[tokio::main] async fn main() { say_hello().await; }`
fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all() // таймеры и ввод-вывод
        .build()
        .expect("не удалось создать среду выполнения tokio");
    runtime.block_on(say_hello());
}
// ANCHOR_END: main
