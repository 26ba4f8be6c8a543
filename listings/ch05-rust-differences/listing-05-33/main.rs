use std::sync::{Arc, Mutex};
use std::thread;

fn add(counter: &Mutex<u32>, times: u32) {
    for _ in 0..times {
        let mut counter = counter.lock().unwrap();
        let value = *counter;
        thread::yield_now(); // поток уступает процессор, но держит блокировку
        *counter = value + 1;
    }
}

fn main() {
    let counter = Arc::new(Mutex::new(0));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || add(&counter, 1000))
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }

    println!("ожидалось: 4000");
    let counter = *counter.lock().unwrap();
    println!(
        "{}",
        if counter == 4000 {
            "все обновления на месте"
        } else {
            "часть обновлений потеряна"
        }
    );
}
