import threading
import time

counter = 0

def add(times):
    global counter
    for _ in range(times):
        value = counter
        time.sleep(0)  # поток отдаёт GIL, как при любом вводе-выводе
        counter = value + 1

threads = [threading.Thread(target=add, args=(1000,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

print("ожидалось: 4000")
if counter == 4000:
    print("все обновления на месте")
else:
    print("часть обновлений потеряна")
