#[tokio::main]
async fn main() {
    let data = vec![1, 2, 3];

    // без `move` задача заимствовала бы вектор у `main`
    let task = tokio::spawn(async {
        println!("сумма: {}", data.iter().sum::<i32>());
    });
    task.await.unwrap();
}
