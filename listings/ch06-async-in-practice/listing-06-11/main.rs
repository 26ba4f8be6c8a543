use futures::StreamExt;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

#[tokio::main]
async fn main() {
    let (sender, receiver) = mpsc::channel(2);
    let producer = tokio::spawn(async move {
        for n in 1..=7 {
            sender.send(n).await.unwrap();
        }
        // здесь `sender` уничтожается: канал закрыт, и итерация закончится
    });
    // по три сообщения; последняя пачка может быть неполной
    let mut batches = ReceiverStream::new(receiver).chunks(3);
    while let Some(batch) = batches.next().await {
        println!("пачка: {batch:?}");
    }
    producer.await.unwrap();
}
