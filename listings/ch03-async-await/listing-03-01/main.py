import asyncio

# ANCHOR: fragment
async def fetch_data(): # Асинхронная функция
    pass
# ANCHOR_END: fragment

asyncio.run(fetch_data())
