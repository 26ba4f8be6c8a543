async fn fetch_data() {}

#[allow(unused_variables)] // как и в Python, результат здесь не нужен
// ANCHOR: fragment
#[tokio::main]
async fn main() {
    let result = fetch_data().await;
}
// ANCHOR_END: fragment
