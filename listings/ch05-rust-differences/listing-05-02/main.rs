async fn fetch_data() {
    println!("fetch_data выполняется");
}

#[tokio::main]
async fn main() {
    fetch_data(); // футура создана, но её никто не ожидает
    println!("main завершается");
}
