#[cfg(test)]
mod tests {
    use std::thread;

    // по умолчанию у теста среда current_thread: задачи выполняет поток теста
    #[tokio::test]
    async fn task_runs_on_the_test_thread() {
        let test_thread = thread::current().id();
        let task = tokio::spawn(async { thread::current().id() });
        assert_eq!(task.await.unwrap(), test_thread);
    }

    // в многопоточной среде задачи выполняют рабочие потоки, а не поток теста
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn task_runs_on_a_worker_thread() {
        let test_thread = thread::current().id();
        let task = tokio::spawn(async { thread::current().id() });
        assert_ne!(task.await.unwrap(), test_thread);
    }
}
