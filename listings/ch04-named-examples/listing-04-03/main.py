import time
from concurrent.futures import ThreadPoolExecutor

def download(name):
    time.sleep(1)  # блокирующий вызов: имитация I/O
    return f"{name}: готово"

with ThreadPoolExecutor(max_workers=1) as pool:
    for line in pool.map(download, ["a.txt", "b.txt", "c.txt"]):
        print(line)
