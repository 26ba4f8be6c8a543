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
    // `try_join!` вместо `join!`: первая ошибка уничтожает остальные футуры
    let (a, b, c) = tokio::try_join!(fetch("a"), fetch("b"), fetch("c"));
    for result in [a, b, c] {
        match result {
            Ok(answer) => println!("готово: {answer}"),
            Err(error) => println!("ошибка: {error}"),
        }
    }
}
