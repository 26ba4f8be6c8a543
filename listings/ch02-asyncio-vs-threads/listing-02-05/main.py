import threading
import time

def task1():
    print("Start task1")
    time.sleep(2)  # имитация I/O
    print("End task1")

def task2():
    print("Start task2")
    time.sleep(1)  # имитация I/O
    print("End task2")

thread1 = threading.Thread(target=task1)
thread2 = threading.Thread(target=task2)

thread1.start()
thread2.start()

thread2.join()
