use std::time::Duration;

use tokio::sync::oneshot;

async fn fetch(name: &str, seconds: u64) -> &str {
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    println!("{name}: ответ готов");
    name
}

#[tokio::main]
async fn main() {
    let (finished, slow_finished) = oneshot::channel();
    let fast = tokio::spawn(fetch("быстрый сервер", 1));
    let slow = tokio::spawn(async move {
        let name = fetch("медленный сервер", 2).await;
        // сообщить `main`, что задача дошла до конца
        finished.send(()).unwrap();
        name
    });
    // `select!` уничтожает проигравшую ветку, то есть `JoinHandle`, а не задачу
    let first = tokio::select! {
        name = fast => name.unwrap(),
        name = slow => name.unwrap(),
    };
    println!("первым ответил: {first}");
    slow_finished.await.unwrap();
}
