async fn fetch_data() {
    println!("fetch_data выполняется");
}

#[tokio::main]
async fn main() {
    // футура создана и сразу уничтожена: её никто не ожидает
    let _ = fetch_data();
    println!("main завершается");
}
