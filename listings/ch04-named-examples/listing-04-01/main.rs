use std::time::Duration;

fn download(name: &str) -> String {
    // блокирующий вызов: имитация I/O
    std::thread::sleep(Duration::from_secs(1));
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
