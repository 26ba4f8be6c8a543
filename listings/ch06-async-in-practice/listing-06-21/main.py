import asyncio
import threading
import unittest


async def thread_of_task():
    return threading.get_ident()


class WhereCodeRuns(unittest.IsolatedAsyncioTestCase):
    async def test_task_runs_on_the_test_thread(self):
        task = asyncio.create_task(thread_of_task())
        self.assertEqual(await task, threading.get_ident())

    async def test_to_thread_runs_elsewhere(self):
        other = await asyncio.to_thread(threading.get_ident)
        self.assertNotEqual(other, threading.get_ident())
