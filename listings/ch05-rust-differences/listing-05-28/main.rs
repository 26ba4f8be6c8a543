use tokio::sync::mpsc;

async fn producer(sender: mpsc::Sender<u32>) {
    for item in 1..=3 {
        sender.send(item).await.unwrap();
    }
    // `sender` уничтожается здесь: канал закрывается сам
}

async fn consumer(receiver: mpsc::Receiver<u32>) {
    while let Some(item) = receiver.recv().await {
        println!("получено: {item}");
    }
    println!("очередь закрыта");
}

#[tokio::main]
async fn main() {
    let (sender, receiver) = mpsc::channel(2);
    tokio::join!(producer(sender), consumer(receiver));
}
