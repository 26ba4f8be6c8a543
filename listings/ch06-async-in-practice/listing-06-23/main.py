import asyncio
import selectors
import time
import unittest


class VirtualClock(selectors.DefaultSelector):
    now = 0.0

    def select(self, timeout=None):
        ready = super().select(0)
        if ready or timeout is None:  # None: таймеров нет, ждём по-настоящему
            return ready or super().select(timeout)
        # ждать нечего, кроме таймера: время перескакивает к нему
        self.now += timeout
        return ready


def virtual_time_loop():
    clock = VirtualClock()
    loop = asyncio.SelectorEventLoop(clock)
    # по этим часам цикл ставит и проверяет таймеры
    loop.time = lambda: clock.now
    return loop


async def wait_for_reply(reply):
    return await asyncio.wait_for(reply, timeout=3600)  # ждём ответа час


class HourLongTimeout(unittest.TestCase):
    def setUp(self):
        self.loop = virtual_time_loop()

    def tearDown(self):
        self.loop.close()

    def test_gives_up_after_an_hour(self):
        real_start = time.monotonic()
        reply = self.loop.create_future()  # ответ не придёт никогда
        with self.assertRaises(asyncio.TimeoutError):
            self.loop.run_until_complete(wait_for_reply(reply))
        self.assertEqual(self.loop.time(), 3600)
        # по настоящим часам прошли доли секунды
        self.assertLess(time.monotonic() - real_start, 10)

    def test_reply_just_before_the_hour(self):
        reply = self.loop.create_future()
        self.loop.call_later(3599, reply.set_result, "ответ")
        result = self.loop.run_until_complete(wait_for_reply(reply))
        self.assertEqual(result, "ответ")
        self.assertEqual(self.loop.time(), 3599)
