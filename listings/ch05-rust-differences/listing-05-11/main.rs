#[tokio::main]
async fn main() {
    let data = vec![1, 2, 3];

    // `async move` передаёт вектор во владение задаче
    let task = tokio::spawn(async move {
        println!("сумма: {}", data.iter().sum::<i32>());
    });
    task.await.unwrap();
}
