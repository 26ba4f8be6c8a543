# pip install fastapi uvicorn httpx
import asyncio
import socket
import sys
from typing import Annotated

import httpx
import uvicorn
from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

REQUESTS = 1000

class NewItem(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: int = Field(gt=0)  # в копейках

class Item(BaseModel):
    id: int
    name: str
    price: int

class Store:
    def __init__(self):
        self.items: dict[int, Item] = {}
        self.stock_requests = 0

store = Store()

async def get_store() -> Store:
    return store

StoreDep = Annotated[Store, Depends(get_store)]
app = FastAPI()

def find(store: Store, item_id: int) -> Item:
    if item_id not in store.items:
        detail = f"товар {item_id} не найден"
        raise HTTPException(status_code=404, detail=detail)
    return store.items[item_id]

@app.post("/items", status_code=201)
async def create_item(new: NewItem, store: StoreDep) -> Item:
    item = Item(id=len(store.items) + 1, name=new.name, price=new.price)
    store.items[item.id] = item
    return item

Discount = Annotated[int, Query(ge=0, le=100)]

@app.get("/items/{item_id}")
async def read_item(
    item_id: int, store: StoreDep, discount: Discount = 0
) -> Item:
    item = find(store, item_id)
    price = item.price * (100 - discount) // 100
    return Item(id=item.id, name=item.name, price=price)

async def warehouse(item_id: int) -> int:
    await asyncio.sleep(0.1)  # вместо запроса к медленному сервису склада
    return 12

@app.get("/items/{item_id}/stock")
async def stock(item_id: int, store: StoreDep) -> dict:
    find(store, item_id)
    count = await warehouse(item_id)
    # между чтением и записью счётчика нет await
    store.stock_requests += 1
    return {"id": item_id, "stock": count}

# обычная def: FastAPI вызовет её в пуле потоков
@app.get("/stats")
def stats(store: StoreDep) -> dict:
    return {"items": len(store.items), "stock_requests": store.stock_requests}

def show(method, path, body, response):
    sent = f" {body}" if body else ""
    if response.status_code == 422:
        errors = response.json()["detail"]
        fields = ", ".join(error["loc"][-1] for error in errors)
        print(f"{method} {path}{sent} → 422, ошибки в полях: {fields}")
    else:
        status = response.status_code
        print(f"{method} {path}{sent} → {status} {response.text}")

async def main():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # порт 0: свободный порт выберет ОС
    port = sock.getsockname()[1]
    # соединения клиента сервер держит открытыми до 300 с, а не 5 с
    config = uvicorn.Config(app, log_level="warning", timeout_keep_alive=300)
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.01)
    # для ci/measure.sh: только сервер, до SIGTERM
    if sys.argv[1:] == ["serve"]:
        print(port, flush=True)
        await serving
        return

    # httpx держит не больше 100 соединений (так настроен его пул по умолчанию)
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for method, path, body in [
            ("POST", "/items", '{"name":"чай","price":250}'),
            ("POST", "/items", '{"name":"","price":-5}'),
            ("GET", "/items/1?discount=20", ""),
            ("GET", "/items/1?discount=200", ""),
            ("GET", "/items/7", ""),
            ("GET", "/items/1/stock", ""),
        ]:
            response = await client.request(
                method, path, content=body.encode(),
                headers={"content-type": "application/json"},
            )
            show(method, path, body, response)
        connections = asyncio.Semaphore(100)

        async def get_stock():
            # очередь к пулу httpx на 1000 запросов обходится дорого
            async with connections:
                return await client.get("/items/1/stock")

        responses = await asyncio.gather(
            *(get_stock() for _ in range(REQUESTS))
        )
        ok = sum(response.status_code == 200 for response in responses)
        print(f"{REQUESTS} одновременных GET /items/1/stock: "
              f"ответов 200 — {ok}")
        show("GET", "/stats", "", await client.get("/stats"))

    server.should_exit = True
    await serving

asyncio.run(asyncio.wait_for(main(), timeout=300))
