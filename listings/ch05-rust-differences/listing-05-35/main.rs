use std::thread;

fn main() {
    let mut counter = 0;
    let threads: Vec<_> = (0..4)
        .map(|_| {
            thread::spawn(move || {
                for _ in 0..1000 {
                    // `move` копирует число: у каждого потока своя копия
                    counter += 1;
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    println!("счётчик: {counter}");
}
