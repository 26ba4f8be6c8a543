//! The index (Rust) and the query (the browser's JS, run here with `node`) must
//! make the same search terms of the same text, or a word in the book would not
//! be found by typing it. Checked for every line of `src/` and `listings/`, for
//! edge cases, and for every word the glossary maps to a term (`src/glossary.md`,
//! «Не пишем»): index and query both read it as the term's words.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Loads mdBook's elasticlunr and the book's pipeline the way a page does, then
/// gives, for each line, `pipeline.run(tokenizer(line))`: what `Index.search`
/// does to a query.
const NODE_DRIVER: &str = r#"
const vm = require('vm');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
    const { scripts, lines } = JSON.parse(input);
    // A context of its own, like a page's: no `module`, so the scripts take
    // their browser branch and set globals.
    const page = vm.createContext({});
    page.window = page;
    for (const [name, code] of scripts) {
        vm.runInContext(code, page, { filename: name });
    }
    page.pipelineName = process.argv[1];
    page.lines = lines;
    const terms = vm.runInContext(
        'const pipeline = elasticlunr.Pipeline.load([pipelineName]);' +
        'JSON.stringify(lines.map(line => pipeline.run(elasticlunr.tokenizer(line))))',
        page);
    process.stdout.write(terms);
});
"#;

const EDGE_CASES: &[&str] = &[
    "Ёлка, ёлки, ЁЖ, ещё, её, всё",
    "создаёт Создает СОЗДАЁТ",
    "spawn_blocking() join! asyncio.run() tokio::spawn GIL std::thread::spawn",
    "x86_64 utf-8 3.14 1_000_000 №5 2026-11-25 10ms 2х",
    "«ёлочки» — тире, …!? (скобки) [ссылка](url) `код` **жирный**",
    "asyncioкорутина Python3 py3k tokio-задача корутина_1",
    "и в на не the of a an",
    "",
    "   ",
    "!!!",
    "a",
    "ы",
    "café naïve İstanbul Straße ΣΟΦΙΑ",
    "Таймаут, тайм аут и тайм-аут; ТАЙМАУТЫ",
    "дедлок дедлоки взаимоблокировка мьютекс мьютексы тред треды рантайм фьючерс сопрограмма",
    "ивент луп, ивент-луп, ивентлуп: событийный цикл",
    "ивент тред",
];

fn glossary() -> search_ru::Variants {
    let glossary = search_ru::Glossary::read(&root().join("src/glossary.md")).unwrap();
    search_ru::Variants::new(&glossary).unwrap()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Every line of every text file under `dir`, as (`path:line`, text).
fn lines_under(dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            lines_under(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            let shown = path.strip_prefix(root()).unwrap_or(&path).display();
            for (number, line) in text.lines().enumerate() {
                out.push((format!("{shown}:{}", number + 1), line.to_string()));
            }
        }
    }
}

/// Runs `node` with `args`, `input` on its stdin; its stdout, or a panic with its
/// status and stderr.
fn node(args: &[&str], input: &str) -> Vec<u8> {
    let mut node = Command::new("node")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("для сравнения с браузером нужен `node` (apt-get install nodejs)");
    node.stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = node.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "node завершился с ошибкой: {output:?}"
    );
    output.stdout
}

fn js_terms(variants: &search_ru::Variants, lines: &[String]) -> Vec<Vec<String>> {
    let mut scripts = vec![(
        "theme/search-ru/elasticlunr.min.js".to_string(),
        search_ru::ELASTICLUNR_JS.to_string(),
    )];
    scripts.extend(search_ru::browser_scripts(variants));
    let input = serde_json::json!({ "scripts": scripts, "lines": lines }).to_string();
    let output = node(&["-e", NODE_DRIVER, search_ru::PIPELINE_NAME], &input);
    serde_json::from_slice(&output).expect("node ответил не JSON")
}

#[test]
fn rust_and_browser_make_the_same_terms() {
    let mut lines = Vec::new();
    lines_under(&root().join("src"), &mut lines);
    lines_under(&root().join("listings"), &mut lines);
    for case in EDGE_CASES {
        lines.push(("edge case".into(), case.to_string()));
    }
    let variants = glossary();
    for (typed, _) in &variants.pairs {
        lines.push(("src/glossary.md variant".into(), typed.join(" ")));
    }
    let texts: Vec<String> = lines.iter().map(|(_, text)| text.clone()).collect();
    let js = js_terms(&variants, &texts);
    assert_eq!(js.len(), lines.len());

    let mut cyrillic_terms = std::collections::BTreeSet::new();
    let mut differences = Vec::new();
    for ((at, text), js) in lines.iter().zip(&js) {
        let rust = search_ru::terms_with(&variants, text);
        if &rust != js {
            differences.push(format!(
                "{at}: {text:?}\n  индекс (Rust): {rust:?}\n  браузер (JS):  {js:?}"
            ));
        }
        cyrillic_terms.extend(
            rust.into_iter()
                .filter(|t| t.chars().any(|c| ('а'..='я').contains(&c))),
        );
    }
    assert!(
        differences.is_empty(),
        "{} строк дают в браузере не те поисковые термины, что в индексе:\n{}",
        differences.len(),
        differences[..differences.len().min(20)].join("\n")
    );
    // Each variant reads as its term's words, on both sides (equal above).
    let unmapped: Vec<String> = variants
        .pairs
        .iter()
        .filter(|(typed, term)| {
            search_ru::terms_with(&variants, &typed.join(" ")) != search_ru::terms(&term.join(" "))
        })
        .map(|(typed, term)| format!("«{}» → «{}»", typed.join(" "), term.join(" ")))
        .collect();
    assert!(
        unmapped.is_empty(),
        "src/glossary.md: эти слова не превращаются в свой термин: {unmapped:?}"
    );
    // The glossary gives words to map: without them this test compared no mapping.
    assert!(
        variants.pairs.len() >= 20,
        "src/glossary.md: всего {} слов, которыми ищут термины",
        variants.pairs.len()
    );
    // The book is Russian: a comparison over few Cyrillic terms compared nothing.
    assert!(
        cyrillic_terms.len() > 300,
        "в src/ и listings/ всего {} разных русских терминов: сравнивать почти нечего",
        cyrillic_terms.len()
    );
}

/// Loads the page's scripts, then the packed data and the teasers as
/// `searchindex-*.js` and `searchteasers-*.js` hand them over, and prints the
/// index that `theme/search-ru/unpack.js` makes of them for elasticlunr.
const UNPACK_DRIVER: &str = r#"
const vm = require('vm');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
    const { scripts, data, teasers } = JSON.parse(input);
    const page = vm.createContext({});
    page.window = page;
    page.document = { getElementById: () => null };
    for (const [name, code] of scripts) {
        vm.runInContext(code, page, { filename: name });
    }
    page.search = data;
    page.teasers = teasers;
    process.stdout.write(vm.runInContext(
        'searchRu.unpack(search); searchRu.teasers(teasers);' +
        'elasticlunr.Index.load(search.index);' +
        "JSON.stringify({ index: search.index, doc_urls: search.doc_urls }, (key, value) => key === 'tf' ? String(value) : value)",
        page));
});
"#;

/// A `tf` as the shortest text that reads back as the same f64: JS's `String`
/// (the driver sends them so, as serde_json may read a float 1 ulp off), or
/// Rust's `Display` of the number.
fn tf(value: &serde_json::Value) -> String {
    value
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| value.as_f64().unwrap().to_string())
}

/// Every (field, term, section, tf) of an elasticlunr index's tries, and each
/// term's df.
fn postings(index: &serde_json::Value) -> Vec<(String, String, String, String)> {
    fn walk(
        field: &str,
        node: &serde_json::Value,
        term: &mut String,
        out: &mut Vec<(String, String, String, String)>,
    ) {
        for (key, child) in node.as_object().unwrap() {
            match key.as_str() {
                "docs" => {
                    for (doc, info) in child.as_object().unwrap() {
                        out.push((field.into(), term.clone(), doc.clone(), tf(&info["tf"])));
                    }
                }
                "df" => {
                    if child.as_u64() != Some(0) {
                        out.push((field.into(), term.clone(), "df".into(), child.to_string()));
                    }
                }
                letter => {
                    term.push_str(letter);
                    walk(field, child, term, out);
                    term.truncate(term.len() - letter.len());
                }
            }
        }
    }
    let mut out = Vec::new();
    for (field, inverted) in index["index"].as_object().unwrap() {
        walk(field, &inverted["root"], &mut String::new(), &mut out);
    }
    out.sort();
    out
}

/// `pack` and `unpack.js` lose nothing: every page of `src/` as a section,
/// indexed by the backend with the glossary, packed, then unpacked by the
/// browser's JS (which indexes title and breadcrumbs itself) gives elasticlunr
/// the same postings (to the last bit of `tf`), field lengths, breadcrumbs and
/// texts as the index built.
#[test]
fn the_packed_index_unpacks_to_the_index_built() {
    let mut doc_urls = Vec::new();
    let mut docs = serde_json::Map::new();
    let mut pages: Vec<_> = std::fs::read_dir(root().join("src"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    pages.sort();
    // A section per line that starts with `#` (a heading, or a comment in code).
    for path in &pages {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy();
        let mut sections: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            match sections.last_mut() {
                Some((_, body)) if !line.starts_with('#') => body.push_str(&format!("{line}\n")),
                _ => sections.push((line.trim_start_matches('#').into(), String::new())),
            }
        }
        let page_title = sections
            .first()
            .map(|(title, _)| title.clone())
            .unwrap_or_default();
        for (title, body) in sections {
            let number = docs.len();
            // mdBook's breadcrumbs end with the title and its anchors are the
            // titles' ids; some here do not, as a heading's own `{#id}` would not.
            let breadcrumbs = if number.is_multiple_of(3) {
                format!("{page_title} » Раздел {number}")
            } else {
                format!("{page_title} » {title}")
            };
            doc_urls.push(if number.is_multiple_of(5) {
                format!("{name}.html#own-{number}")
            } else {
                format!("{name}.html#{}", search_ru::heading_id(&title))
            });
            docs.insert(
                number.to_string(),
                serde_json::json!({ "id": number.to_string(), "title": title, "body": body,
                    "breadcrumbs": breadcrumbs }),
            );
        }
    }
    let mut data = serde_json::json!({
        "doc_urls": doc_urls,
        "search_options": {"bool": "OR", "expand": true, "fields": {}},
        "index": {"documentStore": {"docs": docs}}
    });
    let table = search_ru::Glossary::read(&root().join("src/glossary.md")).unwrap();
    search_ru::reindex(&mut data, &table).unwrap();
    let built = data["index"].clone();
    let urls = data["doc_urls"].clone();
    let teasers = search_ru::pack(&mut data).unwrap();

    let mut scripts = vec![(
        "theme/search-ru/elasticlunr.min.js".to_string(),
        search_ru::ELASTICLUNR_JS.to_string(),
    )];
    scripts.extend(search_ru::browser_scripts(&glossary()));
    let input =
        serde_json::json!({ "scripts": scripts, "data": data, "teasers": teasers }).to_string();
    let output = node(&["-e", UNPACK_DRIVER], &input);
    let unpacked: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(unpacked["doc_urls"], urls, "адреса разделов");
    let unpacked = &unpacked["index"];

    let (expected, got) = (postings(&built), postings(unpacked));
    assert!(
        expected.len() > 10_000,
        "в src/ всего {} вхождений терминов: сравнивать почти нечего",
        expected.len()
    );
    let missing: Vec<_> = expected
        .iter()
        .filter(|p| !got.contains(p))
        .take(10)
        .collect();
    let extra: Vec<_> = got
        .iter()
        .filter(|p| !expected.contains(p))
        .take(10)
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "после распаковки в индексе не хватает {missing:?}, лишние {extra:?}"
    );
    let store = (&built["documentStore"], &unpacked["documentStore"]);
    assert_eq!(store.0["docInfo"], store.1["docInfo"], "длины полей");
    assert_eq!(store.0["length"], store.1["length"]);
    for (number, doc) in store.0["docs"].as_object().unwrap() {
        for field in ["breadcrumbs", "body"] {
            assert_eq!(
                doc[field], store.1["docs"][number][field],
                "раздел {number}, {field}"
            );
        }
    }
    assert_eq!(built["fields"], unpacked["fields"]);
    assert_eq!(built["pipeline"], unpacked["pipeline"]);
}
