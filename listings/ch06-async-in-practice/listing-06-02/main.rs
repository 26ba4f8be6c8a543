use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

async fn session(token: CancellationToken, closed: Arc<AtomicUsize>) {
    tokio::select! {
        _ = token.cancelled() => {} // сигнал остановки
        // обслуживаем клиента
        _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
    }
    // прощальное сообщение клиенту: очистка с `.await`
    tokio::time::sleep(Duration::from_millis(10)).await;
    closed.fetch_add(1, Ordering::Relaxed);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    let closed = Arc::new(AtomicUsize::new(0));
    for _ in 0..3 {
        tracker.spawn(session(token.clone(), Arc::clone(&closed)));
    }
    println!("сигнал остановки");
    // задача, которая ещё не начала работу, увидит отмену при первом опросе
    token.cancel();
    // новых задач не будет: `wait` вернётся, когда завершатся эти
    tracker.close();
    tracker.wait().await;
    println!("закрыто сессий: {}", closed.load(Ordering::Relaxed));
}
