import asyncio

async def worker(queue, squares):
    while True:
        n = await queue.get()
        squares.append(n * n)
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    squares = []
    workers = [asyncio.create_task(worker(queue, squares)) for _ in range(3)]
    for n in range(1, 7):
        await queue.put(n)
    await queue.join()  # ждём, пока `task_done()` вызовут для каждого элемента
    for task in workers:
        task.cancel()  # обработчики ждут в `get()` вечно: отменяем их
    print(f"обработано: {len(squares)}, сумма квадратов: {sum(squares)}")

asyncio.run(main())
