use std::thread;
use std::time::Duration;

fn download(name: &str) -> String {
    thread::sleep(Duration::from_secs(1)); // блокирующий вызов: имитация I/O
    format!("{name}: готово")
}

fn main() {
    let names = vec!["a.txt", "b.txt", "c.txt"];
    // Потоки внутри scope могут заимствовать `names`: scope дождётся их всех.
    let results: Vec<String> = thread::scope(|scope| {
        let handles: Vec<_> = names
            .iter()
            .map(|name| scope.spawn(move || download(name)))
            .collect();
        handles.into_iter().map(|handle| handle.join().unwrap()).collect()
    });
    for line in results {
        println!("{line}");
    }
}
