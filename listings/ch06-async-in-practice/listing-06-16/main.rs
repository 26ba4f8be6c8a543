use std::io;
use std::time::Duration;

async fn fetch(name: &str) -> io::Result<String> {
    tokio::time::sleep(Duration::from_millis(10)).await; // имитация I/O
    if name == "b" {
        return Err(io::Error::other(format!("{name}: сервер недоступен")));
    }
    Ok(format!("{name}: ответ"))
}

#[tokio::main]
async fn main() {
    // `join!` ждёт все футуры, даже если какая-то вернула `Err`
    let (a, b, c) = tokio::join!(fetch("a"), fetch("b"), fetch("c"));
    for result in [a, b, c] {
        match result {
            Ok(answer) => println!("готово: {answer}"),
            Err(error) => println!("ошибка: {error}"),
        }
    }
}
