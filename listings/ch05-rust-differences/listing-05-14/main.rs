use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let data = Arc::new(vec![1, 2, 3]);
        // `Arc` переживает `.await`: он `Send`
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("сумма: {}", data.iter().sum::<i32>());
    });
    task.await.unwrap();
}
