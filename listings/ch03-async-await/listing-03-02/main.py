import asyncio

async def fetch_data():
    pass

# ANCHOR: fragment
async def main():
    result = await fetch_data()
# ANCHOR_END: fragment

asyncio.run(main())
