class Countdown:
    """Объект, который можно ожидать: готов не сразу, а с третьего шага."""

    def __init__(self, left):
        self.left = left

    def __await__(self):
        while self.left > 0:
            print(f"  Countdown: не готово, осталось {self.left}")
            self.left -= 1
            yield  # отдать управление тому, кто ведёт корутину
        return 42


async def fetch():
    print("  fetch начинает")
    value = await Countdown(2)
    print(f"  fetch получил {value}")
    return value + 1


coroutine = fetch()  # тело fetch ещё не начало выполняться
step = 1
while True:
    try:
        coroutine.send(None)
        print(f"шаг {step}: не готово")
    except StopIteration as stop:
        print(f"шаг {step}: готово, результат {stop.value}")
        break
    step += 1
