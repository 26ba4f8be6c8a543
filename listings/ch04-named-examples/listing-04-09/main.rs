use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

const CLIENTS: usize = 1000;

#[derive(Default)]
struct Gauge {
    open_now: AtomicUsize,
    peak: AtomicUsize,
}

async fn handle(stream: TcpStream, gauge: Arc<Gauge>) -> std::io::Result<()> {
    let open_now = gauge.open_now.fetch_add(1, Ordering::SeqCst) + 1;
    gauge.peak.fetch_max(open_now, Ordering::SeqCst);
    let mut stream = BufReader::new(stream);
    let mut request = String::new();
    stream.read_line(&mut request).await?;
    stream
        .get_mut()
        .write_all(format!("pong {request}").as_bytes())
        .await?;
    // держим соединение, пока клиент его не закроет
    stream.read_to_end(&mut Vec::new()).await?;
    gauge.open_now.fetch_sub(1, Ordering::SeqCst);
    Ok(())
}

async fn serve(
    listener: TcpListener,
    gauge: Arc<Gauge>,
) -> std::io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        let gauge = Arc::clone(&gauge);
        tokio::spawn(async move {
            // результат задачи никто не ждёт,
            // поэтому ошибку соединения печатаем здесь
            if let Err(error) = handle(stream, gauge).await {
                eprintln!("соединение: {error}");
            }
        });
    }
}

async fn run() -> std::io::Result<()> {
    // порт 0: свободный порт выберет ОС
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let gauge = Arc::new(Gauge::default());
    let server = tokio::spawn(serve(listener, Arc::clone(&gauge)));

    let mut connecting = JoinSet::new();
    for _ in 0..CLIENTS {
        connecting.spawn(TcpStream::connect(address));
    }
    let mut connections = Vec::new();
    for connection in connecting.join_all().await {
        connections.push(BufReader::new(connection?));
    }
    for connection in &mut connections {
        connection.get_mut().write_all(b"ping\n").await?;
    }
    let mut answered = 0;
    for connection in &mut connections {
        let mut reply = String::new();
        connection.read_line(&mut reply).await?;
        answered += reply == "pong ping\n";
    }
    drop(connections);

    println!("ответов: {answered}");
    println!(
        "одновременно открытых соединений: {}",
        gauge.peak.load(Ordering::SeqCst)
    );
    server.abort();
    Ok(())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tokio::time::timeout(Duration::from_secs(60), run()).await?
}
