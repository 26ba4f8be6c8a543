use std::time::Duration;

async fn slow_operation() {
    println!("медленная операция началась");
    tokio::time::sleep(Duration::from_secs(2)).await;
    println!("медленная операция закончилась");
}

#[tokio::main]
async fn main() {
    if tokio::time::timeout(Duration::from_secs(3), slow_operation())
        .await
        .is_err()
    {
        println!("тайм-аут: операция не уложилась в 3 с");
    }
}
