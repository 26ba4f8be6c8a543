import asyncio
import os
import signal

async def session(n, stop, closed):
    await stop.wait()  # обслуживаем клиента, пока не придёт сигнал остановки
    await asyncio.sleep(0.01)  # прощальное сообщение клиенту
    closed.append(n)

async def main():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # теперь Ctrl-C не прерывает программу
    loop.add_signal_handler(signal.SIGINT, stop.set)
    closed = []
    tasks = [asyncio.create_task(session(n, stop, closed)) for n in range(1, 4)]
    os.kill(os.getpid(), signal.SIGINT)  # как будто пользователь нажал Ctrl-C
    await stop.wait()
    print("получен SIGINT: останавливаем сессии")
    await asyncio.gather(*tasks)
    print(f"закрыто сессий: {len(closed)}")

asyncio.run(main())
