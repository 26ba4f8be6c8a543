// The queries search.test.js expects to find pages, as readers would type them:
// word forms, questions in plain Russian, jargon from the glossary's «Не пишем»,
// Latin API names, mixed. Each expected page was picked by grepping src/: the page
// uses the words (`uses`), and, for a query marked `otherForms`, only in other forms
// than the one typed, so that it is found by morphology or the glossary, not by the
// letters typed. `top`: the page must be among the first `top` results (else
// anywhere among them). The book's text changes: each test first checks that this
// still holds of src/, and says so if it does not (then pick the pages again).
export const FINDS = [
  // ch02-00 and ch07: «потоки», «потоков»… but not «поток» itself.
  { query: 'поток', uses: /поток/, otherForms: true, pages: ['ch02-00-asyncio-vs-threads.html', 'ch07-how-to-choose.html'] },
  // ch04-02: «потокам», «потоки», «потоков».
  { query: 'потоки', uses: /поток/, pages: ['ch02-01-main-differences.html', 'ch04-02-cpu-bound.html'] },
  // glossary: «поток», «потоки», never «потоков».
  { query: 'потоков', uses: /поток/, otherForms: true, pages: ['glossary.html'] },
  // ch03: «корутин», «корутины»; ch05-06: only «корутин».
  { query: 'корутина', uses: /корутин/, otherForms: true, pages: ['ch03-async-await.html', 'ch05-06-channels.html'] },
  // ch03 writes «создаёт»: ё and е are one letter for search.
  { query: 'создает', uses: /создаёт/, otherForms: true, pages: ['ch03-async-await.html'] },
  { query: 'цикл событий', uses: /цикл\S* событи/, pages: ['ch02-01-main-differences.html', 'ch04-03-io-and-cpu.html'] },
  { query: 'asyncio', uses: /asyncio/, pages: ['ch02-00-asyncio-vs-threads.html'] },
  { query: 'tokio', uses: /tokio/, pages: ['ch03-async-await.html'] },
  { query: 'GIL', uses: /\bGIL\b/, pages: ['ch04-02-cpu-bound.html'] },
  { query: 'spawn_blocking', uses: /spawn_blocking/, pages: ['ch05-02-blocking.html'] },
  { query: 'join!', uses: /join!/, pages: ['ch05-09-join.html'] },

  // Questions in plain Russian.
  { query: 'как отменить задачу', uses: /отмен[\s\S]*задач|задач[\s\S]*отмен/, top: 10, pages: ['ch05-04-timeouts-cancellation.html'] },
  // Chapter 8 (releasing the GIL from Rust) and «Что читать дальше» rank above 4.2 now.
  { query: 'что такое GIL', uses: /\bGIL\b/, top: 15, pages: ['ch04-02-cpu-bound.html', 'ch08-rust-from-python.html'] },
  { query: 'почему футуры ленивые', uses: /ленив/, top: 5, pages: ['ch05-01-lazy-futures.html'] },
  { query: 'как ограничить число одновременных запросов', uses: /огранич/, top: 5, pages: ['ch06-02-limits.html'] },
  { query: 'чем asyncio отличается от потоков', uses: /отлич/, top: 10, pages: ['ch02-01-main-differences.html'] },
  { query: 'когда использовать потоки', uses: /использ/, top: 10, pages: ['ch02-03-when-to-use.html'] },
  { query: 'блокирующий вызов в асинхронном коде', uses: /блокирующ/, top: 10, pages: ['ch05-02-blocking.html'] },
  { query: 'как корректно завершить программу', uses: /заверш/, top: 10, pages: ['ch06-01-shutdown.html'] },
  { query: 'паника в задаче', uses: /паник/, top: 5, pages: ['ch06-05-errors.html'] },
  { query: 'как выбрать между asyncio и потоками', uses: /выбр|выбор|выбир/, top: 10, pages: ['ch07-how-to-choose.html'] },

  // Jargon and spelling variants (src/glossary.md, «Не пишем»): the explaining page first.
  { query: 'дедлок', uses: /взаимн\S* блокировк/, otherForms: true, top: 1, pages: ['ch05-07-mutex.html'] },
  { query: 'мьютекс', uses: /Mutex/, otherForms: true, top: 1, pages: ['ch05-07-mutex.html'] },
  { query: 'таймаут', uses: /тайм-аут/, otherForms: true, top: 1, pages: ['ch05-04-timeouts-cancellation.html'] },
  { query: 'тайм аут', uses: /тайм-аут/, top: 1, pages: ['ch05-04-timeouts-cancellation.html'] },
  { query: 'тред', uses: /поток/, otherForms: true, top: 1, pages: ['ch02-02-how-they-work.html'] },
  { query: 'рантайм', uses: /сред\S* выполнени/, otherForms: true, top: 1, pages: ['ch03-async-await.html'] },
  { query: 'фьючерс', uses: /футур/, otherForms: true, top: 1, pages: ['ch03-async-await.html'] },
  { query: 'сопрограмма', uses: /корутин/, otherForms: true, top: 1, pages: ['ch03-async-await.html'] },
  { query: 'ивент луп', uses: /цикл\S* событи/, otherForms: true, top: 1, pages: ['ch02-02-how-they-work.html'] },

  // Latin API names.
  { query: 'select!', uses: /select!/, top: 5, pages: ['ch05-05-select.html'] },
  { query: 'mpsc', uses: /mpsc/, pages: ['ch05-06-channels.html'] },
  { query: 'asyncio.Queue', uses: /asyncio\.Queue/, pages: ['ch05-06-channels.html'] },
  { query: 'asyncio.gather', uses: /asyncio\.gather/, pages: ['ch05-09-join.html'] },
  { query: 'CancellationToken', uses: /CancellationToken/, top: 5, pages: ['ch06-01-shutdown.html'] },
  { query: 'TaskTracker', uses: /TaskTracker/, top: 5, pages: ['ch06-01-shutdown.html'] },
  { query: 'StreamExt', uses: /StreamExt/, top: 5, pages: ['ch06-03-streams.html'] },
  { query: 'Notify', uses: /Notify/, top: 5, pages: ['ch06-04-sync.html'] },
  { query: 'JoinError', uses: /JoinError/, top: 5, pages: ['ch06-05-errors.html'] },
  { query: 'ThreadPoolExecutor', uses: /ThreadPoolExecutor/, top: 5, pages: ['ch04-01-thread-pool.html'] },
  { query: 'spawn_local', uses: /spawn_local/, pages: ['ch05-07-mutex.html'] },
  { query: 'wait_for', uses: /wait_for/, top: 5, pages: ['ch05-04-timeouts-cancellation.html'] },

  // Mixed: Russian with code.
  { query: 'семафор asyncio', uses: /семафор/, top: 5, pages: ['ch06-02-limits.html'] },
  { query: 'time.sleep блокирует', uses: /time\.sleep/, top: 10, pages: ['ch02-02-how-they-work.html'] },
  { query: 'сервер на tokio', uses: /сервер/, top: 5, pages: ['ch04-04-server.html'] },
  { query: 'Mutex во время await', uses: /\.await/, top: 5, pages: ['ch05-07-mutex.html'] },
  { query: 'SIGINT в tokio', uses: /SIGINT/, top: 5, pages: ['ch06-01-shutdown.html'] },
];
