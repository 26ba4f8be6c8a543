use std::any::Any;
use std::panic;

fn message(payload: &(dyn Any + Send)) -> &str {
    match payload.downcast_ref::<&str>() {
        Some(text) => text,
        None => payload.downcast_ref::<String>().map_or("?", String::as_str),
    }
}

async fn divide(a: u32, b: u32) -> u32 {
    a / b
}

#[tokio::main]
async fn main() {
    // по умолчанию сообщение о панике уходит в stderr;
    // здесь — в «журнал» на stdout
    panic::set_hook(Box::new(|info| {
        println!("[журнал] паника: {}", message(info.payload()));
    }));
    println!("6 / 3 = {}", tokio::spawn(divide(6, 3)).await.unwrap());
    match tokio::spawn(divide(1, 0)).await {
        Ok(quotient) => println!("1 / 0 = {quotient}"),
        Err(error) if error.is_panic() => {
            println!("задача упала: {}", message(&*error.into_panic()));
        }
        Err(error) => println!("задача отменена: {error}"),
    }
    println!("main работает дальше");
}
