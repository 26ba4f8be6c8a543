use std::time::Duration;

async fn task1() {
    println!("Start task1");
    std::thread::sleep(Duration::from_secs(2)); // ошибка: блокирует поток
    println!("End task1");
}

async fn task2() {
    println!("Start task2");
    tokio::time::sleep(Duration::from_secs(1)).await; // имитация I/O
    println!("End task2");
}

#[tokio::main]
async fn main() {
    let _ = tokio::join!(tokio::spawn(task1()), tokio::spawn(task2()));
}
