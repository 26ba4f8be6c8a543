use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

// футура, которая готова не сразу, а с третьего опроса
struct Countdown {
    left: u32,
}

impl Future for Countdown {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.left == 0 {
            return Poll::Ready(42);
        }
        println!("  Countdown: не готово, осталось {}", self.left);
        self.left -= 1;
        // исполнитель опросит футуру снова, только если его разбудят
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn fetch() -> u32 {
    println!("  fetch начинает");
    let value = Countdown { left: 2 }.await;
    println!("  fetch получил {value}");
    value + 1
}

fn main() {
    let mut future = pin!(fetch()); // тело fetch ещё не начало выполняться
    // будильник, который ничего не делает: исполнитель здесь — этот цикл
    let mut cx = Context::from_waker(Waker::noop());
    for step in 1.. {
        match future.as_mut().poll(&mut cx) {
            Poll::Pending => println!("шаг {step}: не готово"),
            Poll::Ready(value) => {
                println!("шаг {step}: готово, результат {value}");
                break;
            }
        }
    }
}
