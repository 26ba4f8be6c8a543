//! The backend binary on a small HTML output made here, as mdBook would run it:
//! it must rewrite and rename the index, or stop with a message naming the file.

use mdbook_renderer::RenderContext;
use mdbook_renderer::book::Book;
use mdbook_renderer::config::Config;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::str::FromStr;

const OLD_INDEX: &str = "searchindex-00000000.js";

/// A book folder whose `book/html` holds what the backend expects from mdBook 0.5.4.
fn site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("search-ru-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let html = root.join("book/html");
    std::fs::create_dir_all(&html).unwrap();
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(
        root.join("src/glossary.md"),
        "| Термин | Не пишем | Где объяснено |\n| --- | --- | --- |\n| поток | тред | [Потоки](ch.md) |\n",
    )
    .unwrap();
    let json = serde_json::json!({
        "doc_urls": ["ch.html#потоки"],
        "results_options": {"limit_results": 30, "teaser_word_count": 30},
        "search_options": {"bool": "AND", "expand": true, "fields": {}},
        "index": {"documentStore": {"docs": {"0": {
            "id": "0", "title": "Потоки", "body": "Потоки создают корутины, it's `join!`.",
            "breadcrumbs": "Потоки"
        }}}}
    })
    .to_string();
    let literal = json.replace('\\', "\\\\").replace('\'', "\\'");
    let js = format!("window.search = Object.assign(window.search, JSON.parse('{literal}'));");
    std::fs::write(html.join(OLD_INDEX), js).unwrap();
    std::fs::write(
        html.join("elasticlunr-12345678.min.js"),
        search_ru::ELASTICLUNR_JS,
    )
    .unwrap();
    std::fs::write(
        html.join("ch.html"),
        format!("<script>window.path_to_searchindex_js = \"{OLD_INDEX}\";</script>"),
    )
    .unwrap();
    root
}

fn run_backend(root: &Path) -> Output {
    let ctx = RenderContext::new(
        root,
        Book::new(),
        Config::default(),
        root.join("book/search-ru"),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_search-ru"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    serde_json::to_writer(child.stdin.take().unwrap(), &ctx).unwrap();
    child.wait_with_output().unwrap()
}

fn fails_saying(root: &Path, message: &str) {
    let output = run_backend(root);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "бэкенд отработал без ошибки: {stderr}"
    );
    assert!(
        stderr.contains(message),
        "в сообщении нет «{message}»: {stderr}"
    );
}

#[test]
fn rewrites_renames_and_repoints() {
    let root = site("ok");
    let output = run_backend(&root);
    assert!(output.status.success(), "{output:?}");
    let html = root.join("book/html");
    let names: Vec<String> = std::fs::read_dir(&html)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("searchindex"))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert_ne!(names[0], OLD_INDEX);
    let page = std::fs::read_to_string(html.join("ch.html")).unwrap();
    assert!(page.contains(&names[0]), "{page}");
    let js = std::fs::read_to_string(html.join(&names[0])).unwrap();
    let glossary = search_ru::Glossary::read(&root.join("src/glossary.md")).unwrap();
    let variants = search_ru::Variants::new(&glossary).unwrap();
    let data = js
        .strip_prefix(search_ru::browser_js(&variants).as_str())
        .expect("the browser pipeline comes first")
        .strip_suffix("\nwindow.searchRu.unpack(window.search);\n")
        .expect("the data is unpacked last");
    let data = search_ru::parse_searchindex_js(data).unwrap();
    assert_eq!(
        data["index"]["pipeline"],
        serde_json::json!([search_ru::PIPELINE_NAME])
    );
    // The anchor is the title's id (theme/search-ru/unpack.js makes it again).
    assert_eq!(data["doc_urls"], serde_json::json!(["ch.html"]));
    assert_eq!(
        data["index"]["documentStore"]["anchors"],
        serde_json::json!({})
    );
    // The sections' text is in a file of its own, named in the data.
    let teasers = data["teasers"].as_str().unwrap();
    let teasers_js = std::fs::read_to_string(html.join(teasers)).unwrap();
    assert!(
        teasers_js.contains("Потоки создают корутины"),
        "{teasers_js}"
    );
    assert_eq!(
        data["index"]["documentStore"]["breadcrumbs"],
        serde_json::json!(["Потоки"])
    );
    assert_eq!(
        data["search_options"]["fields"]["glossary"]["boost"],
        search_ru::GLOSSARY_BOOST
    );
}

#[test]
fn fails_without_a_search_index() {
    let root = site("no-index");
    std::fs::remove_file(root.join("book/html").join(OLD_INDEX)).unwrap();
    fails_saying(&root, "нет searchindex*.js");
}

#[test]
fn fails_on_an_index_in_another_format() {
    let root = site("format");
    std::fs::write(
        root.join("book/html").join(OLD_INDEX),
        "window.search = {};",
    )
    .unwrap();
    fails_saying(&root, "это не тот searchindex.js, что пишет mdBook 0.5.4");
}

#[test]
fn fails_when_mdbook_ships_another_elasticlunr() {
    let root = site("elasticlunr");
    std::fs::write(
        root.join("book/html/elasticlunr-12345678.min.js"),
        "/* another */",
    )
    .unwrap();
    fails_saying(&root, "отличается от theme/search-ru/elasticlunr.min.js");
}

#[test]
fn fails_when_no_page_loads_the_index() {
    let root = site("no-page");
    std::fs::write(root.join("book/html/ch.html"), "<p>no search</p>").unwrap();
    fails_saying(&root, "русский индекс никто не загрузит");
}

#[test]
fn fails_without_a_glossary() {
    let root = site("no-glossary");
    std::fs::remove_file(root.join("src/glossary.md")).unwrap();
    fails_saying(&root, "глоссарий не читается");
}

#[test]
fn fails_when_the_glossary_points_at_a_missing_page() {
    let root = site("glossary-page");
    std::fs::write(
        root.join("src/glossary.md"),
        "| Термин | Не пишем | Где объяснено |\n| --- | --- | --- |\n| поток | тред | [Нет](nope.md) |\n",
    )
    .unwrap();
    fails_saying(&root, "glossary.md:3: «Где объяснено» ведёт на `nope.html`");
}

#[test]
fn fails_without_html_output() {
    let root = site("no-html");
    std::fs::remove_dir_all(root.join("book/html")).unwrap();
    fails_saying(&root, "нет HTML-вывода");
}

/// book.toml runs this backend, after `html` (mdBook runs renderers in name order).
#[test]
fn book_toml_runs_the_backend_after_html() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let text = std::fs::read_to_string(root.join("book.toml")).unwrap();
    let config = Config::from_str(&text).unwrap();
    let outputs = config.outputs::<serde_json::Value>().unwrap();
    let names: Vec<&String> = outputs.keys().collect();
    let html = names.iter().position(|n| *n == "html");
    let search = names.iter().position(|n| *n == "search-ru");
    assert!(
        html.is_some() && search > html,
        "в book.toml нужны [output.html] и [output.search-ru], в этом порядке: {names:?}"
    );
    assert_eq!(outputs["search-ru"]["command"], "search-ru/run.sh");
    let mode = std::fs::metadata(root.join("search-ru/run.sh"))
        .unwrap()
        .permissions()
        .mode();
    assert!(mode & 0o111 != 0, "search-ru/run.sh не исполняемый");
}
