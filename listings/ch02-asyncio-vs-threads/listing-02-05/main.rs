use std::thread;
use std::time::Duration;

fn task1() {
    println!("Start task1");
    thread::sleep(Duration::from_secs(2)); // имитация I/O
    println!("End task1");
}

fn task2() {
    println!("Start task2");
    thread::sleep(Duration::from_secs(1)); // имитация I/O
    println!("End task2");
}

fn main() {
    let _thread1 = thread::spawn(task1);
    let thread2 = thread::spawn(task2);

    thread2.join().unwrap();
}
