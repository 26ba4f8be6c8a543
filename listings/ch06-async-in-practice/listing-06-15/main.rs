use tokio::sync::{mpsc, oneshot};

struct Add {
    amount: i64,
    reply: oneshot::Sender<i64>,
}

async fn counter(mut requests: mpsc::Receiver<Add>) {
    let mut total = 0;
    while let Some(Add { amount, reply }) = requests.recv().await {
        if amount < 0 {
            continue; // ошибка: забыли ответить, и `reply` уничтожен без ответа
        }
        total += amount;
        let _ = reply.send(total); // `Err`, если ответа уже не ждут
    }
}

async fn add(
    requests: &mpsc::Sender<Add>,
    amount: i64,
) -> Result<i64, oneshot::error::RecvError> {
    let (reply, response) = oneshot::channel(); // ответ придёт от счётчика
    requests.send(Add { amount, reply }).await.unwrap();
    response.await
}

#[tokio::main]
async fn main() {
    let (requests, inbox) = mpsc::channel(8);
    let actor = tokio::spawn(counter(inbox));
    println!("после +2: {}", add(&requests, 2).await.unwrap());
    println!("после +3: {}", add(&requests, 3).await.unwrap());
    match add(&requests, -1).await {
        Ok(total) => println!("после -1: {total}"),
        Err(error) => println!("после -1: ответа не будет ({error})"),
    }
    drop(requests); // канал закрыт: счётчик выйдет из цикла
    actor.await.unwrap();
}
