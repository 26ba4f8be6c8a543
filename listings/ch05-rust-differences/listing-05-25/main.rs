use tokio::sync::{mpsc, oneshot};

#[tokio::main]
async fn main() {
    let (sender, mut receiver) = mpsc::channel(8);
    let (stop, mut stopped) = oneshot::channel();
    for item in 1..=3 {
        sender.send(item).await.unwrap();
    }
    // сигнал остановки уже отправлен, а в канале ещё три сообщения
    stop.send(()).unwrap();

    loop {
        tokio::select! {
            Some(item) = receiver.recv() => println!("получено: {item}"),
            _ = &mut stopped => break, // одна и та же футура на всех итерациях
        }
    }
    println!("остановка, в канале осталось: {}", receiver.len());
}
