use std::time::Duration;

async fn fetch(name: &str, seconds: u64) -> &str {
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    name
}

#[tokio::main]
async fn main() {
    // ветка, которая не успела, уничтожается: отменять её не нужно
    let first = tokio::select! {
        name = fetch("быстрый сервер", 1) => name,
        name = fetch("медленный сервер", 2) => name,
    };
    println!("первым ответил: {first}");
}
