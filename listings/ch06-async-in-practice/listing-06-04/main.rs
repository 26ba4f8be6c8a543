use std::io;
use std::time::Duration;

struct Connection {
    name: &'static str,
    closed: bool,
}

impl Connection {
    fn open(name: &'static str) -> Connection {
        println!("{name}: открыто");
        Connection {
            name,
            closed: false,
        }
    }

    async fn close(mut self) {
        // прощальное сообщение серверу
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("{}: закрыто с прощанием", self.name);
        self.closed = true;
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if !self.closed {
            // `drop` синхронный: ждать ответа сервера здесь нельзя
            println!("{}: закрыто без прощания", self.name);
        }
    }
}

async fn talk(name: &'static str, fail: bool) -> io::Result<()> {
    let connection = Connection::open(name);
    if fail {
        return Err(io::Error::other("обрыв связи")); // выход мимо `close()`
    }
    connection.close().await;
    Ok(())
}

#[tokio::main]
async fn main() {
    talk("соединение 1", false).await.unwrap();
    if let Err(error) = talk("соединение 2", true).await {
        println!("ошибка: {error}");
    }
}
