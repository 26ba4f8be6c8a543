import asyncio

class InFlight:
    """Сколько загрузок идёт сейчас и сколько шло одновременно самое большее."""

    def __init__(self):
        self.now = 0
        self.peak = 0

    def enter(self):
        self.now += 1
        self.peak = max(self.peak, self.now)

    def leave(self):
        self.now -= 1

async def download(n, in_flight):
    in_flight.enter()
    await asyncio.sleep(0.01)  # имитация I/O
    in_flight.leave()
    return n * n

async def main():
    limit = asyncio.Semaphore(2)
    in_flight = InFlight()
    tasks = []
    for n in range(1, 7):
        # ждём свободное место до того, как создать задачу
        await limit.acquire()
        task = asyncio.create_task(download(n, in_flight))
        # место освобождает завершённая задача
        task.add_done_callback(lambda _: limit.release())
        tasks.append(task)
    results = await asyncio.gather(*tasks)
    print(f"результаты: {results}")
    print(f"одновременно выполнялось не больше: {in_flight.peak}")

asyncio.run(main())
