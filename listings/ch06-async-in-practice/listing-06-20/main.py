import asyncio
import unittest


async def fetch(name, delay):
    await asyncio.sleep(delay)  # имитация загрузки
    return f"{name}: готово"


async def fetch_all(jobs):
    return await asyncio.gather(*(fetch(name, delay) for name, delay in jobs))


class FetchAll(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        # медленная загрузка идёт первой, а закончится второй
        self.jobs = [("медленный", 0.02), ("быстрый", 0.01)]

    async def test_keeps_the_order_of_jobs(self):
        results = await fetch_all(self.jobs)
        self.assertEqual(results, ["медленный: готово", "быстрый: готово"])

    async def test_no_jobs(self):
        self.assertEqual(await fetch_all([]), [])
