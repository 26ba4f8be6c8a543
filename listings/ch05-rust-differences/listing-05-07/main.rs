async fn countdown(n: u32) {
    if n == 0 {
        println!("пуск");
        return;
    }
    println!("{n}");
    // футура не может содержать саму себя: вложенная лежит в куче
    Box::pin(countdown(n - 1)).await;
}

#[tokio::main]
async fn main() {
    countdown(3).await;
}
