use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinSet;

// футура задачи ждёт сигнала `go`;
// `done` сообщит, доработала задача или её отменили
fn worker() -> (
    oneshot::Sender<()>,
    oneshot::Receiver<()>,
    impl Future<Output = ()>,
) {
    let (go, go_rx) = oneshot::channel();
    let (done_tx, done) = oneshot::channel();
    let future = async move {
        let _ = go_rx.await;
        let _ = done_tx.send(());
    };
    (go, done, future)
}

async fn state(done: oneshot::Receiver<()>) -> &'static str {
    match done.await {
        Ok(()) => "задача доработала",
        // `done_tx` уничтожен вместе с футурой задачи
        Err(_) => "задача отменена",
    }
}

#[tokio::main]
async fn main() {
    let (go, done, future) = worker();
    let handle = tokio::spawn(future);
    drop(handle); // задача отсоединена, а не отменена
    let _ = go.send(());
    println!("drop(handle): {}", state(done).await);

    let (go, done, future) = worker();
    let handle = tokio::spawn(future);
    let result = tokio::time::timeout(Duration::from_millis(10), handle).await;
    assert!(result.is_err()); // тайм-аут уничтожил только `JoinHandle`
    let _ = go.send(());
    println!("timeout(handle): тайм-аут, {}", state(done).await);

    // `_go` живёт до конца `main`: сигнала не будет
    let (_go, done, future) = worker();
    let handle = tokio::spawn(future);
    handle.abort();
    println!("handle.abort(): {}", state(done).await);

    let (_go, done, future) = worker();
    let mut set = JoinSet::new();
    set.spawn(future);
    drop(set); // `JoinSet` отменяет свои задачи
    println!("drop(set): {}", state(done).await);
}
