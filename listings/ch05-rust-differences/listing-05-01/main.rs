async fn fetch_data() {
    println!("fetch_data выполняется");
}

#[tokio::main]
async fn main() {
    let _ = fetch_data(); // футура создана и сразу уничтожена: её никто не ожидает
    println!("main завершается");
}
