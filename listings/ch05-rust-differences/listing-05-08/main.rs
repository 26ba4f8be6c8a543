async fn countdown(n: u32) {
    if n == 0 {
        println!("пуск");
        return;
    }
    println!("{n}");
    countdown(n - 1).await;
}

#[tokio::main]
async fn main() {
    countdown(3).await;
}
