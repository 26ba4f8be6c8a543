use std::time::Duration;

async fn task1() {
    println!("Start task1");
    // блокирующий вызов в отдельном потоке
    tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_secs(2)))
        .unwrap();
    println!("End task1");
}

async fn task2() {
    println!("Start task2");
    tokio::time::sleep(Duration::from_secs(1)).await; // имитация I/O
    println!("End task2");
}

#[tokio::main]
async fn main() {
    tokio::join!(task1(), task2());
}
