async fn fetch_data() {}

#[tokio::main]
#[allow(unused_variables)] // как и в Python, результат здесь не нужен
// ANCHOR: fragment
async fn main() {
    let result = fetch_data().await;
}
// ANCHOR_END: fragment
