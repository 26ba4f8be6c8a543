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

async def download(n, limit, in_flight):
    async with limit:
        in_flight.enter()
        await asyncio.sleep(0.01)  # имитация I/O
        in_flight.leave()
        return n * n

async def main():
    limit = asyncio.Semaphore(2)
    in_flight = InFlight()
    downloads = [download(n, limit, in_flight) for n in range(1, 7)]
    results = []
    for next_done in asyncio.as_completed(downloads):  # в порядке завершения
        results.append(await next_done)
    print(f"результаты: {sorted(results)}")
    print(f"одновременно выполнялось не больше: {in_flight.peak}")

asyncio.run(main())
