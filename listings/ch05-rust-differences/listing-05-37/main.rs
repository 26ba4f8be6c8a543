use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn main() {
    let counter = AtomicU32::new(0);
    thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(move || {
                for _ in 0..1000 {
                    // одна неделимая операция
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    println!("ожидалось: 4000");
    println!("счётчик: {}", counter.load(Ordering::Relaxed));
}
