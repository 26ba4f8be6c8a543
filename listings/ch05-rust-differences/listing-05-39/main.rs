use std::io;
use std::time::Duration;

use tokio::task::JoinSet;

// печатает при уничтожении: так видно, что футура отменена
struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("{}: футура уничтожена", self.0);
    }
}

async fn slow_server(_guard: Guard) -> io::Result<&'static str> {
    tokio::time::sleep(Duration::from_secs(10)).await;
    Ok("медленный сервер")
}

async fn broken_server() -> io::Result<&'static str> {
    Err(io::Error::new(
        io::ErrorKind::ConnectionRefused,
        "сервер недоступен",
    ))
}

async fn fetch_all() -> io::Result<Vec<&'static str>> {
    let mut tasks = JoinSet::new();
    tasks.spawn(slow_server(Guard("медленный сервер")));
    tasks.spawn(broken_server());
    let mut names = Vec::new();
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(name) => names.push(name),
            Err(error) => {
                // отменить остальные задачи и дождаться их, как `TaskGroup`
                tasks.shutdown().await;
                return Err(error);
            }
        }
    }
    Ok(names)
}

#[tokio::main]
async fn main() {
    if let Err(error) = fetch_all().await {
        println!("ошибка: {error}");
    }
}
