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

fn js_terms(variants: &search_ru::Variants, lines: &[String]) -> Vec<Vec<String>> {
    let mut scripts = vec![(
        "theme/search-ru/elasticlunr.min.js".to_string(),
        search_ru::ELASTICLUNR_JS.to_string(),
    )];
    scripts.extend(search_ru::browser_scripts(variants));
    let input = serde_json::json!({ "scripts": scripts, "lines": lines }).to_string();
    let mut node = Command::new("node")
        .args(["-e", NODE_DRIVER, search_ru::PIPELINE_NAME])
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
    serde_json::from_slice(&output.stdout).expect("node ответил не JSON")
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
