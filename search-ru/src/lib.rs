//! A search index for a Russian book with English and code terms in it.
//!
//! mdBook 0.5.4 indexes with elasticlunr-rs's English pipeline, whose trimmer
//! drops every Cyrillic letter. This crate re-indexes the sections that mdBook
//! stored in `searchindex-*.js` with one pipeline function, [`PIPELINE_NAME`]:
//! Snowball Russian for Cyrillic tokens, mdBook's English pipeline for the rest.
//! The browser runs the same function ([`BROWSER_JS`]), so a query is cut and
//! stemmed exactly as the text was; `tests/same_terms.rs` holds both to that.

use anyhow::{Context, Result, bail};
use elasticlunr::lang::{English, Language, Russian};
use elasticlunr::pipeline::{Pipeline, PipelineFn};
use elasticlunr::{Index, IndexBuilder};
use serde_json::Value;

/// The name under which the index and the browser know the pipeline function.
pub const PIPELINE_NAME: &str = "stemmer-ru-en";

/// Longer tokens are not indexed (as in mdBook): base64, hashes, long paths.
pub const MAX_TOKEN_UTF16_LEN: usize = 80;

/// The fields mdBook indexes, in its order.
const FIELDS: [&str; 3] = ["title", "body", "breadcrumbs"];

/// The scripts that put the pipeline into the browser's elasticlunr 0.9, in
/// load order: lunr-languages 1.22.0 (vendored in `theme/search-ru/`) and the
/// shims that adapt it and register [`PIPELINE_NAME`].
pub const BROWSER_JS: [(&str, &str); 4] = [
    (
        "theme/search-ru/lunr.stemmer.support.js",
        include_str!("../../theme/search-ru/lunr.stemmer.support.js"),
    ),
    (
        "theme/search-ru/elasticlunr-compat.js",
        include_str!("../../theme/search-ru/elasticlunr-compat.js"),
    ),
    (
        "theme/search-ru/lunr.ru.js",
        include_str!("../../theme/search-ru/lunr.ru.js"),
    ),
    (
        "theme/search-ru/stemmer-ru-en.js",
        include_str!("../../theme/search-ru/stemmer-ru-en.js"),
    ),
];

/// mdBook 0.5.4's own elasticlunr.min.js (0.9.5): the English half of the
/// browser pipeline. The backend checks the built site still ships this very file.
pub const ELASTICLUNR_JS: &str = include_str!("../../theme/search-ru/elasticlunr.min.js");

/// The scripts of [`BROWSER_JS`] as one, each under a comment naming its file.
pub fn browser_js() -> String {
    let mut js = String::new();
    for (path, text) in BROWSER_JS {
        js.push_str(&format!("/* {path} */\n{text}\n;\n"));
    }
    js
}

/// Splits text into lowercase words: letters, digits and `_` (so `spawn_blocking`
/// stays whole, `join!` gives `join`, `asyncio.run()` gives `asyncio` and `run`).
/// The browser splits queries with the same rule (`stemmer-ru-en.js`).
/// Lowercases before splitting, as the browser does: `İ` lowercases to `i` and a
/// combining dot, which is no letter.
pub fn tokenize(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphabetic() || c.is_numeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{052F}').contains(&c)
}

/// The one pipeline function: a token to its search term, or `None` to drop it.
/// Cyrillic words go to the Russian pipeline, ASCII ones to the English one.
struct RussianOrEnglish {
    english: Pipeline,
    russian: Pipeline,
}

impl RussianOrEnglish {
    fn new() -> Self {
        // The tokenizer has already cut off all that is not a letter or a digit,
        // so the Russian trimmer (which would also cut digits) is left out.
        let russian = Pipeline {
            queue: Russian::new()
                .make_pipeline()
                .queue
                .into_iter()
                .filter(|f| f.name() != "trimmer-ru")
                .collect(),
        };
        Self {
            english: English::new().make_pipeline(),
            russian,
        }
    }
}

impl PipelineFn for RussianOrEnglish {
    fn name(&self) -> String {
        PIPELINE_NAME.into()
    }

    fn filter(&self, token: String) -> Option<String> {
        if token.is_empty() || token.encode_utf16().count() > MAX_TOKEN_UTF16_LEN {
            return None;
        }
        // ё and е are one letter for search: «создаёт» finds «создает».
        let token = token.replace('ё', "е");
        let pipeline = if token.chars().any(is_cyrillic) {
            &self.russian
        } else if token.is_ascii() {
            &self.english
        } else {
            // Other scripts: no stemmer of ours knows them (the English trimmer
            // would even cut «é» off «café»), so they are found as written.
            return Some(token);
        };
        pipeline.run(vec![token]).pop().filter(|t| !t.is_empty())
    }
}

/// The elasticlunr-rs language made of [`tokenize`] and [`RussianOrEnglish`].
struct RussianAndEnglish;

impl Language for RussianAndEnglish {
    fn name(&self) -> String {
        "Russian and English".into()
    }

    fn code(&self) -> String {
        "ru".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline {
            queue: vec![Box::new(RussianOrEnglish::new())],
        }
    }
}

/// The search terms the index holds for `text` (and the browser makes of a query).
pub fn terms(text: &str) -> Vec<String> {
    thread_local! {
        // Building it compiles regexes and stop word sets: once per thread.
        static PIPELINE: Pipeline = RussianAndEnglish.make_pipeline();
    }
    PIPELINE.with(|pipeline| pipeline.run(tokenize(text)))
}

const JS_PREFIX: &str = "window.search = Object.assign(window.search, JSON.parse('";
const JS_SUFFIX: &str = "'));";

/// The JSON inside mdBook's `searchindex.js`, which wraps it in a JS string
/// literal with `\` and `'` escaped.
pub fn parse_searchindex_js(js: &str) -> Result<Value> {
    let literal = js
        .trim_end()
        .strip_prefix(JS_PREFIX)
        .and_then(|rest| rest.strip_suffix(JS_SUFFIX))
        .with_context(|| {
            format!(
                "это не тот searchindex.js, что пишет mdBook 0.5.4: ожидалось `{JS_PREFIX}…{JS_SUFFIX}`"
            )
        })?;
    let mut json = String::with_capacity(literal.len());
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        json.push(if c == '\\' {
            chars
                .next()
                .context("строка обрывается на одиночном `\\`")?
        } else {
            c
        });
    }
    serde_json::from_str(&json).context("строка в searchindex.js — не JSON")
}

/// `searchindex.js` again, as mdBook writes it, with the browser pipeline in front.
pub fn write_searchindex_js(searchindex: &Value) -> Result<String> {
    let json = serde_json::to_string(searchindex)?;
    let literal = json.replace('\\', "\\\\").replace('\'', "\\'");
    Ok(format!("{}{JS_PREFIX}{literal}{JS_SUFFIX}", browser_js()))
}

/// Replaces the English-only `index` of mdBook's search data with one built from
/// the same sections (the document store mdBook saved) by [`RussianAndEnglish`].
/// The result options, search options and section URLs stay as mdBook made them.
pub fn reindex(searchindex: &mut Value) -> Result<()> {
    let store = &searchindex["index"]["documentStore"]["docs"];
    let docs = store.as_object().with_context(|| {
        "в searchindex.js нет `index.documentStore.docs`, текстов разделов: без них индекс не перестроить"
    })?;
    if docs.is_empty() {
        bail!("в searchindex.js нет ни одного раздела: искать негде");
    }
    let mut index: Index = FIELDS
        .iter()
        .fold(
            IndexBuilder::with_language(Box::new(RussianAndEnglish)),
            |builder, field| builder.add_field(field),
        )
        .build();
    // Refs are the section numbers; keep mdBook's order so the output is stable.
    let mut refs: Vec<(u64, &String)> = docs
        .keys()
        .map(|r| {
            Ok((
                r.parse()
                    .with_context(|| format!("номер раздела `{r}` — не число"))?,
                r,
            ))
        })
        .collect::<Result<_>>()?;
    refs.sort();
    for (_, doc_ref) in refs {
        let doc = &docs[doc_ref];
        let fields = FIELDS
            .iter()
            .map(|field| {
                doc[field]
                    .as_str()
                    .with_context(|| format!("у раздела {doc_ref} нет текстового поля `{field}`"))
            })
            .collect::<Result<Vec<_>>>()?;
        index.add_doc(doc_ref, fields);
    }
    searchindex["index"] = serde_json::to_value(&index)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_forms_share_a_term() {
        for forms in [
            &["поток", "потоки", "потоков", "потоками"][..],
            &["корутина", "корутин", "корутины", "корутину"],
            &["создает", "создаёт", "Создаёт", "СОЗДАЕТ"],
            &["задача", "задачи", "задач"],
        ] {
            let first = terms(forms[0]);
            assert_eq!(first.len(), 1, "{forms:?}");
            for form in forms {
                assert_eq!(terms(form), first, "{form} vs {}", forms[0]);
            }
        }
    }

    #[test]
    fn code_terms_stay_findable() {
        assert_eq!(terms("spawn_blocking"), terms("spawn_blocking()"));
        assert_eq!(terms("join!"), terms("join"));
        assert_eq!(
            terms("asyncio.run()"),
            [terms("asyncio"), terms("run")].concat()
        );
        assert_eq!(
            terms("tokio::spawn"),
            [terms("tokio"), terms("spawn")].concat()
        );
        assert_eq!(terms("GIL"), ["gil"]);
        assert_eq!(
            terms("Python-корутина"),
            [terms("python"), terms("корутина")].concat()
        );
    }

    #[test]
    fn stop_words_punctuation_and_long_tokens_give_no_term() {
        assert!(terms("и в на the of , — «»").is_empty());
        assert!(terms(&"ы".repeat(MAX_TOKEN_UTF16_LEN + 1)).is_empty());
        assert_eq!(terms(&"ы".repeat(MAX_TOKEN_UTF16_LEN)).len(), 1);
    }

    #[test]
    fn searchindex_js_round_trips() {
        let data = serde_json::json!({"doc_urls": ["a.html#x"], "text": "it's \\ «ёж»"});
        let js = write_searchindex_js(&data).unwrap();
        let body = js.strip_prefix(browser_js().as_str()).unwrap();
        assert_eq!(parse_searchindex_js(body).unwrap(), data);
        assert!(parse_searchindex_js("window.search = {};").is_err());
    }

    #[test]
    fn reindex_indexes_cyrillic_terms() {
        let mut data = serde_json::json!({"index": {"documentStore": {"docs": {
            "0": {"id": "0", "title": "Потоки", "body": "Каждый поток создаёт задачу.", "breadcrumbs": "Глава » Потоки"},
            "1": {"id": "1", "title": "asyncio", "body": "spawn_blocking и join!", "breadcrumbs": "Глава » asyncio"}
        }}}});
        reindex(&mut data).unwrap();
        let body = &data["index"]["index"]["body"]["root"];
        let has = |term: &str| {
            term.chars()
                .try_fold(body, |node, c| node.get(c.to_string()))
                .is_some_and(|node| node["df"].as_u64() > Some(0))
        };
        for word in ["потоков", "создает", "задачи", "spawn_blocking", "join"] {
            let term = terms(word).pop().unwrap();
            assert!(has(&term), "{word} ({term}) is not in the index");
        }
        assert_eq!(
            data["index"]["pipeline"],
            serde_json::json!([PIPELINE_NAME])
        );
    }

    #[test]
    fn reindex_rejects_a_searchindex_without_documents() {
        let mut data = serde_json::json!({"index": {}});
        let error = reindex(&mut data).unwrap_err().to_string();
        assert!(error.contains("documentStore"), "{error}");
    }
}
