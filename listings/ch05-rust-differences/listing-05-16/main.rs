use std::rc::Rc;
use std::time::Duration;

use tokio::task::LocalSet;

#[tokio::main]
async fn main() {
    // задачи `LocalSet` не покидают поток, в котором выполняется `run_until`:
    // `Send` не нужен
    LocalSet::new()
        .run_until(async {
            let task = tokio::task::spawn_local(async {
                let data = Rc::new(vec![1, 2, 3]);
                // `Rc` переживает `.await`
                tokio::time::sleep(Duration::from_millis(10)).await;
                println!("сумма: {}", data.iter().sum::<i32>());
            });
            task.await.unwrap();
        })
        .await;
}
