use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

const REQUESTS: usize = 1000;

#[derive(Deserialize)]
struct NewItem {
    name: String,
    price: i64, // в копейках
}

#[derive(Clone, Serialize)]
struct Item {
    id: u64,
    name: String,
    price: i64,
}

#[derive(Deserialize)]
struct Discount {
    #[serde(default)]
    discount: i64,
}

#[derive(Default)]
struct Store {
    items: Mutex<HashMap<u64, Item>>,
    stock_requests: AtomicU64,
}

type Shared = State<Arc<Store>>;

/// 422 с телом в форме FastAPI: {"detail": [{"loc": [...], "msg": ...}]}
fn invalid(place: &str, problems: &[(&str, &str)]) -> Response {
    let detail: Vec<Value> = problems
        .iter()
        .map(|(field, msg)| json!({"loc": [place, field], "msg": msg}))
        .collect();
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(json!({ "detail": detail })),
    )
        .into_response()
}

fn not_found(id: u64) -> Response {
    let detail = format!("товар {id} не найден");
    (StatusCode::NOT_FOUND, Json(json!({ "detail": detail }))).into_response()
}

async fn create_item(
    State(store): Shared,
    body: Result<Json<NewItem>, JsonRejection>,
) -> Response {
    // неразобранный JSON: код ответа axum (400, 415 или 422), тело в JSON
    let Json(new) = match body {
        Ok(body) => body,
        Err(rejection) => {
            let detail = rejection.body_text();
            return (rejection.status(), Json(json!({ "detail": detail })))
                .into_response();
        }
    };
    let mut problems = Vec::new();
    if !(1..=50).contains(&new.name.chars().count()) {
        problems.push(("name", "от 1 до 50 символов"));
    }
    if new.price <= 0 {
        problems.push(("price", "больше нуля"));
    }
    if !problems.is_empty() {
        return invalid("body", &problems);
    }
    let mut items = store.items.lock().unwrap();
    let id = items.len() as u64 + 1;
    let item = Item {
        id,
        name: new.name,
        price: new.price,
    };
    items.insert(id, item.clone());
    (StatusCode::CREATED, Json(item)).into_response()
}

async fn read_item(
    State(store): Shared,
    Path(id): Path<u64>,
    Query(query): Query<Discount>,
) -> Response {
    if !(0..=100).contains(&query.discount) {
        return invalid("query", &[("discount", "от 0 до 100")]);
    }
    let Some(mut item) = store.items.lock().unwrap().get(&id).cloned() else {
        return not_found(id);
    };
    item.price = item.price * (100 - query.discount) / 100;
    Json(item).into_response()
}

async fn warehouse(_id: u64) -> u64 {
    // вместо запроса к медленному сервису склада
    tokio::time::sleep(Duration::from_millis(100)).await;
    12
}

async fn stock(State(store): Shared, Path(id): Path<u64>) -> Response {
    if !store.items.lock().unwrap().contains_key(&id) {
        return not_found(id);
    }
    let count = warehouse(id).await;
    store.stock_requests.fetch_add(1, Ordering::Relaxed);
    Json(json!({"id": id, "stock": count})).into_response()
}

async fn stats(State(store): Shared) -> Json<Value> {
    let items = store.items.lock().unwrap().len();
    let stock_requests = store.stock_requests.load(Ordering::Relaxed);
    Json(json!({"items": items, "stock_requests": stock_requests}))
}

/// Самый простой клиент HTTP/1.1: по соединению на запрос,
/// сервер закрывает его после ответа
async fn request(
    address: SocketAddr,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(address).await?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await?;
    let broken =
        || std::io::Error::other(format!("непонятный ответ: {response:?}"));
    let (head, body) = response.split_once("\r\n\r\n").ok_or_else(broken)?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(broken)?;
    Ok((status, body.to_owned()))
}

fn show(
    method: &str,
    path: &str,
    body: &str,
    (status, response): (u16, String),
) {
    let sent = if body.is_empty() {
        String::new()
    } else {
        format!(" {body}")
    };
    if status == 422 {
        let errors: Value = serde_json::from_str(&response).unwrap();
        let fields: Vec<&str> = errors["detail"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|error| error["loc"].as_array()?.last()?.as_str())
            .collect();
        println!(
            "{method} {path}{sent} → 422, ошибки в полях: {}",
            fields.join(", ")
        );
    } else {
        println!("{method} {path}{sent} → {status} {response}");
    }
}

async fn run() -> std::io::Result<()> {
    let app = Router::new()
        .route("/items", post(create_item))
        .route("/items/{id}", get(read_item))
        .route("/items/{id}/stock", get(stock))
        .route("/stats", get(stats))
        .with_state(Arc::new(Store::default()));
    // порт 0: свободный порт выберет ОС
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                stopped.await.ok();
            })
            .await
    });
    if std::env::args().nth(1).as_deref() == Some("serve") {
        // для ci/measure.sh: только сервер, до SIGTERM
        println!("{}", address.port());
        return server.await?;
    }

    for (method, path, body) in [
        ("POST", "/items", r#"{"name":"чай","price":250}"#),
        ("POST", "/items", r#"{"name":"","price":-5}"#),
        ("GET", "/items/1?discount=20", ""),
        ("GET", "/items/1?discount=200", ""),
        ("GET", "/items/7", ""),
        ("GET", "/items/1/stock", ""),
    ] {
        show(
            method,
            path,
            body,
            request(address, method, path, body).await?,
        );
    }
    // не больше 100 соединений сразу, как в пуле httpx
    let connections = Arc::new(Semaphore::new(100));
    let mut requests = JoinSet::new();
    for _ in 0..REQUESTS {
        let connections = Arc::clone(&connections);
        requests.spawn(async move {
            let _permit = connections.acquire_owned().await.unwrap();
            request(address, "GET", "/items/1/stock", "").await
        });
    }
    let mut ok = 0;
    for response in requests.join_all().await {
        ok += usize::from(response?.0 == 200);
    }
    println!("{REQUESTS} одновременных GET /items/1/stock: ответов 200 — {ok}");
    show(
        "GET",
        "/stats",
        "",
        request(address, "GET", "/stats", "").await?,
    );

    stop.send(()).ok();
    server.await?
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tokio::time::timeout(Duration::from_secs(300), run()).await?
}
