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
        raise HTTPException(status_code=404, detail=f"товар {item_id} не найден")
    return store.items[item_id]

@app.post("/items", status_code=201)
async def create_item(new: NewItem, store: StoreDep) -> Item:
    item = Item(id=len(store.items) + 1, name=new.name, price=new.price)
    store.items[item.id] = item
    return item

@app.get("/items/{item_id}")
async def read_item(
    item_id: int, store: StoreDep, discount: Annotated[int, Query(ge=0, le=100)] = 0
) -> Item:
    item = find(store, item_id)
    return Item(id=item.id, name=item.name, price=item.price * (100 - discount) // 100)

async def warehouse(item_id: int) -> int:
    await asyncio.sleep(0.1)  # вместо запроса к медленному сервису склада
    return 12

@app.get("/items/{item_id}/stock")
async def stock(item_id: int, store: StoreDep) -> dict:
    find(store, item_id)
    count = await warehouse(item_id)
    store.stock_requests += 1  # между чтением и записью нет await
    return {"id": item_id, "stock": count}

@app.get("/stats")
def stats(store: StoreDep) -> dict:  # обычная def: FastAPI вызовет её в пуле потоков
    return {"items": len(store.items), "stock_requests": store.stock_requests}

def show(method, path, body, response):
    sent = f" {body}" if body else ""
    if response.status_code == 422:
        fields = ", ".join(error["loc"][-1] for error in response.json()["detail"])
        print(f"{method} {path}{sent} → 422, ошибки в полях: {fields}")
    else:
        print(f"{method} {path}{sent} → {response.status_code} {response.text}")

async def main():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # порт 0: свободный порт выберет ОС
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_keep_alive=300))
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.01)
    if sys.argv[1:] == ["serve"]:  # для ci/measure.sh: только сервер, до SIGTERM
        print(port, flush=True)
        await serving
        return

    # httpx держит не больше 100 соединений (так настроен его пул по умолчанию)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        for method, path, body in [
            ("POST", "/items", '{"name":"чай","price":250}'),
            ("POST", "/items", '{"name":"","price":-5}'),
            ("GET", "/items/1?discount=20", ""),
            ("GET", "/items/1?discount=200", ""),
            ("GET", "/items/7", ""),
            ("GET", "/items/1/stock", ""),
        ]:
            headers = {"content-type": "application/json"}
            show(method, path, body, await client.request(method, path, content=body.encode(), headers=headers))
        connections = asyncio.Semaphore(100)

        async def get_stock():
            async with connections:  # очередь httpx к пулу на 1000 запросов обходится дорого
                return await client.get("/items/1/stock")

        responses = await asyncio.gather(*(get_stock() for _ in range(REQUESTS)))
        ok = sum(response.status_code == 200 for response in responses)
        print(f"{REQUESTS} одновременных GET /items/1/stock: ответов 200 — {ok}")
        show("GET", "/stats", "", await client.get("/stats"))

    server.should_exit = True
    await serving

asyncio.run(asyncio.wait_for(main(), timeout=300))
