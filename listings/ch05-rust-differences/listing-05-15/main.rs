use std::rc::Rc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    // `spawn_local` вне `LocalSet`: паника, а не ошибка компиляции
    let task = tokio::task::spawn_local(async {
        let data = Rc::new(vec![1, 2, 3]);
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("сумма: {}", data.iter().sum::<i32>());
    });
    task.await.unwrap();
}
