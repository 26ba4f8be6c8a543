use std::thread;

fn main() {
    let mut counter = 0;
    thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..1000 {
                    counter += 1; // четыре потока меняют одну переменную
                }
            });
        }
    });
    println!("счётчик: {counter}");
}
