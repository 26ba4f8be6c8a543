use tokio::sync::broadcast::{self, error::RecvError};

#[tokio::main]
async fn main() {
    // хранит восемь последних сообщений
    let (sender, mut fast) = broadcast::channel(8);
    let mut slow = sender.subscribe();
    let mut fast_got = Vec::new();
    for n in 1..=5 {
        // каждый получатель получит свою копию (`Clone`)
        sender.send(n).unwrap();
        // быстрый получатель читает сразу
        fast_got.push(fast.recv().await.unwrap());
    }
    drop(sender); // канал закрыт
    println!("быстрый получил: {fast_got:?}");
    let mut slow_got = Vec::new();
    loop {
        match slow.recv().await {
            Ok(n) => slow_got.push(n),
            Err(RecvError::Lagged(missed)) => {
                println!("медленный отстал и пропустил {missed}")
            }
            Err(RecvError::Closed) => break,
        }
    }
    println!("медленный получил: {slow_got:?}");
}
