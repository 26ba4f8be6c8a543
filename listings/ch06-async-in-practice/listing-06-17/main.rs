use std::io;

use tokio::sync::oneshot;

struct Guard; // печатает при уничтожении: так видно, что футура отменена

impl Drop for Guard {
    fn drop(&mut self) {
        println!("медленный: футура уничтожена");
    }
}

async fn slow(go: oneshot::Receiver<()>) -> io::Result<&'static str> {
    let _guard = Guard;
    go.await.unwrap(); // ответ будет готов по сигналу `go`
    Ok("медленный: ответ готов")
}

async fn broken() -> io::Result<&'static str> {
    Err(io::Error::other("сервер недоступен"))
}

#[tokio::main]
async fn main() {
    let (go, wait_go) = oneshot::channel();
    // при первой `Err` остальные футуры уничтожаются
    let result = tokio::try_join!(slow(wait_go), broken());
    if let Err(error) = result {
        println!("ошибка: {error}");
    }
    if go.send(()).is_err() {
        println!("сигнал `go` некому получить");
    }
}
