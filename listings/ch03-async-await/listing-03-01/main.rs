// ANCHOR: fragment
async fn fetch_data() {} // Асинхронная функция
// ANCHOR_END: fragment

#[tokio::main]
async fn main() {
    fetch_data().await;
}
