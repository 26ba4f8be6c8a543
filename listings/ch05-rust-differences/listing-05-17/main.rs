use std::rc::Rc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        tokio::time::sleep(Duration::from_millis(10)).await;
        // `Rc` создаётся после `.await`
        let data = Rc::new(vec![1, 2, 3]);
        println!("сумма: {}", data.iter().sum::<i32>());
    });
    task.await.unwrap();
}
