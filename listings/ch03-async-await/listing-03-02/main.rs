async fn fetch_data() {}

// как и в Python, результат здесь не нужен
#[allow(unused_variables)]
// ANCHOR: fragment
#[tokio::main]
async fn main() {
    let result = fetch_data().await;
}
// ANCHOR_END: fragment
