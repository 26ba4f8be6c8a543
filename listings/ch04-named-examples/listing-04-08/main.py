import asyncio

CLIENTS = 1000
open_now = 0
peak = 0
handlers = []  # задачи, в которых `asyncio.start_server` запускает `handle`

async def handle(reader, writer):
    global open_now, peak
    handlers.append(asyncio.current_task())
    open_now += 1
    peak = max(peak, open_now)
    request = await reader.readline()
    writer.write(b"pong " + request)
    await writer.drain()
    await reader.read()  # держим соединение, пока клиент его не закроет
    writer.close()
    await writer.wait_closed()
    open_now -= 1

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=CLIENTS)
    # порт 0: свободный порт выберет ОС
    port = server.sockets[0].getsockname()[1]

    connections = await asyncio.gather(
        *(asyncio.open_connection("127.0.0.1", port) for _ in range(CLIENTS))
    )
    for _, writer in connections:
        writer.write(b"ping\n")
    replies = [await reader.readline() for reader, _ in connections]
    for _, writer in connections:
        writer.close()
    # ждём, пока обработчики закроют свои сокеты:
    # иначе `asyncio.run` отменит их на выходе
    closing = (writer.wait_closed() for _, writer in connections)
    await asyncio.gather(*handlers, *closing)
    server.close()
    await server.wait_closed()

    answered = replies.count(b"pong ping\n")
    print(f"ответов: {answered}")
    print(f"одновременно открытых соединений: {peak}")

asyncio.run(asyncio.wait_for(main(), timeout=60))
