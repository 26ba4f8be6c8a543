use std::time::Duration;

use futures::future::join_all;

async fn fetch(name: &str, delay: Duration) -> String {
    tokio::time::sleep(delay).await; // имитация загрузки
    format!("{name}: готово")
}

async fn fetch_all(jobs: &[(&str, Duration)]) -> Vec<String> {
    join_all(jobs.iter().map(|&(name, delay)| fetch(name, delay))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn keeps_the_order_of_jobs() {
        // медленная загрузка идёт первой, а закончится второй
        let jobs = [
            ("медленный", Duration::from_millis(20)),
            ("быстрый", Duration::from_millis(10)),
        ];
        let results = fetch_all(&jobs).await;
        assert_eq!(results, ["медленный: готово", "быстрый: готово"]);
    }

    #[tokio::test]
    async fn no_jobs() {
        assert!(fetch_all(&[]).await.is_empty());
    }
}
