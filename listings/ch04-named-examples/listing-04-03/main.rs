use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

fn download(name: &str) -> String {
    thread::sleep(Duration::from_secs(1)); // блокирующий вызов: имитация I/O
    format!("{name}: готово")
}

/// Как `ThreadPoolExecutor.map`: `workers` потоков берут задания по очереди,
/// а результаты идут в порядке заданий.
fn pool_map(workers: usize, names: &[&str]) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(vec![String::new(); names.len()]);
    // потоки внутри `scope` заимствуют `next`, `results` и `names`:
    // `scope` дождётся их всех
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(name) = names.get(index) else { break };
                    let line = download(name);
                    results.lock().unwrap()[index] = line;
                }
            });
        }
    });
    results.into_inner().unwrap()
}

fn main() {
    for line in pool_map(1, &["a.txt", "b.txt", "c.txt"]) {
        println!("{line}");
    }
}
