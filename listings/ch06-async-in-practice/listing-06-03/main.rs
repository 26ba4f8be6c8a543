use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::process::Command;
use tokio::signal::unix::{SignalKind, signal};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

async fn session(token: CancellationToken, closed: Arc<AtomicUsize>) {
    // обслуживаем клиента, пока не придёт сигнал остановки
    token.cancelled().await;
    // прощальное сообщение клиенту
    tokio::time::sleep(Duration::from_millis(10)).await;
    closed.fetch_add(1, Ordering::Relaxed);
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // теперь Ctrl-C не прерывает программу
    let mut interrupt = signal(SignalKind::interrupt())?;
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    let closed = Arc::new(AtomicUsize::new(0));
    for _ in 0..3 {
        tracker.spawn(session(token.clone(), Arc::clone(&closed)));
    }
    let pid = std::process::id().to_string();
    // как будто пользователь нажал Ctrl-C
    Command::new("kill").args(["-INT", &pid]).status().await?;
    interrupt.recv().await;
    println!("получен SIGINT: останавливаем сессии");
    token.cancel();
    tracker.close();
    tracker.wait().await;
    println!("закрыто сессий: {}", closed.load(Ordering::Relaxed));
    Ok(())
}
