use std::time::Duration;

fn download(name: &str) -> String {
    std::thread::sleep(Duration::from_secs(1)); // блокирующий вызов: имитация I/O
    format!("{name}: готово")
}

#[tokio::main]
async fn main() {
    let handles: Vec<_> = ["a.txt", "b.txt", "c.txt"]
        .into_iter()
        .map(|name| tokio::task::spawn_blocking(move || download(name)))
        .collect();
    for handle in handles {
        println!("{}", handle.await.unwrap());
    }
}
