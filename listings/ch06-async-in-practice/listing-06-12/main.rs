use std::time::Duration;

use tokio::sync::{Notify, watch};

async fn waiter(name: String, mut event: watch::Receiver<bool>) -> String {
    event.wait_for(|&is_set| is_set).await.unwrap();
    name
}

#[tokio::main]
async fn main() {
    let (set, event) = watch::channel(false);
    let early: Vec<_> = (1..=2)
        .map(|n| tokio::spawn(waiter(format!("ждущий {n}"), event.clone())))
        .collect();
    set.send_replace(true); // значение остаётся, пока его не заменят
    let mut woken = Vec::new();
    for task in early {
        woken.push(task.await.unwrap());
    }
    println!("проснулись: {}", woken.join(", "));
    let late = waiter("опоздавший".to_string(), event.clone()).await;
    println!("{late} прошёл сразу: событие уже установлено");

    let notify = Notify::new();
    // `notify_waiters()` разбудит её уже с момента создания
    let early = notify.notified();
    // будит только тех, кто уже ждёт, и ничего не запоминает
    notify.notify_waiters();
    early.await;
    let late =
        tokio::time::timeout(Duration::from_millis(50), notify.notified())
            .await;
    println!(
        "Notify: опоздавший к notify_waiters() дождался: {}",
        late.is_ok()
    );
    notify.notify_one(); // запоминает одно разрешение для следующего ждущего
    notify.notified().await;
    println!("Notify: разрешение от notify_one() досталось опоздавшему");
}
