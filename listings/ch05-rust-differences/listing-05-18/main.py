import asyncio

async def slow_operation():
    print("медленная операция началась")
    await asyncio.sleep(2)
    print("медленная операция закончилась")  # не выполнится: операцию отменят

async def main():
    try:
        await asyncio.wait_for(slow_operation(), timeout=1)
    # до Python 3.11 это не встроенный `TimeoutError`
    except asyncio.TimeoutError:
        print("тайм-аут: операция не уложилась в 1 с")

asyncio.run(main())
