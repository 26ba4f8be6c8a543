use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let (sender, mut receiver) = mpsc::channel(8);
    for item in 1..=3 {
        sender.send(item).await.unwrap();
    }
    // `sender` не уничтожен: канал открыт, и после трёх сообщений `recv()` ждёт

    let deadline = sleep(Duration::from_millis(200));
    loop {
        tokio::select! {
            biased; // сначала канал, потом срок
            Some(item) = receiver.recv() => println!("получено: {item}"),
            () = &mut deadline => break, // один и тот же срок на всех итерациях
        }
    }
    println!("срок вышел");
}
