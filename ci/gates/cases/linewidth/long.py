async def main():
    done, pending = await asyncio.wait({fast, slow}, return_when=asyncio.FIRST_COMPLETED)  # <!-- ✗ длиннее 80 -->
    # ждём, пока обработчики закроют свои сокеты:
    # иначе `asyncio.run` отменит их на выходе
