async fn fetch_data() {
    println!("fetch_data выполняется");
}

#[tokio::main]
async fn main() {
    fetch_data().await;
    println!("main завершается");
}
