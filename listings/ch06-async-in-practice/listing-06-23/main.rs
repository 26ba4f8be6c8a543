use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::timeout;

async fn wait_for_reply(
    reply: oneshot::Receiver<&'static str>,
) -> Result<&'static str, &'static str> {
    match timeout(Duration::from_secs(3600), reply).await {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(_)) => Err("отправитель пропал"),
        Err(_) => Err("ответа нет целый час"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::time::{Instant, sleep};

    // часы стоят и, когда делать нечего, перескакивают к ближайшему таймеру
    #[tokio::test(start_paused = true)]
    async fn gives_up_after_an_hour() {
        let real_start = std::time::Instant::now();
        let start = Instant::now();
        // отправитель есть, но молчит
        let (_sender, reply) = oneshot::channel();
        assert_eq!(wait_for_reply(reply).await, Err("ответа нет целый час"));
        assert_eq!(start.elapsed(), Duration::from_secs(3600));
        // по настоящим часам прошли доли секунды
        assert!(real_start.elapsed() < Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn reply_just_before_the_hour() {
        let start = Instant::now();
        let (sender, reply) = oneshot::channel();
        tokio::spawn(async move {
            sleep(Duration::from_secs(3599)).await;
            sender.send("ответ").unwrap();
        });
        assert_eq!(wait_for_reply(reply).await, Ok("ответ"));
        assert_eq!(start.elapsed(), Duration::from_secs(3599));
    }
}
