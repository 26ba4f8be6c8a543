import asyncio
import warnings

async def fetch_data():
    print("fetch_data выполняется")

async def main():
    fetch_data()  # корутина создана, но её никто не ожидает
    print("main завершается")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    asyncio.run(main())
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
