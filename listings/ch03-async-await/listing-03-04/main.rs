async fn main() {
    println!("Hello, world!");
}
