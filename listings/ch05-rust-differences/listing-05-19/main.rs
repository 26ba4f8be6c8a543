use std::time::Duration;

use tokio::sync::oneshot;

struct Guard; // печатает при уничтожении: так видно, что футура отменена

impl Drop for Guard {
    fn drop(&mut self) {
        println!("футура worker уничтожена");
    }
}

async fn worker(started: oneshot::Sender<()>) {
    let _guard = Guard;
    println!("работа началась");
    let _ = started.send(());
    tokio::time::sleep(Duration::from_secs(10)).await;
    println!("работа закончилась"); // не выполнится: задачу отменят
}

#[tokio::main]
async fn main() {
    let (started, is_started) = oneshot::channel();
    let task = tokio::spawn(worker(started));
    is_started.await.unwrap();
    task.abort();
    match task.await {
        Err(error) if error.is_cancelled() => println!("задача отменена"),
        other => println!("неожиданно: {other:?}"),
    }
}
