//! A search index for a Russian book with English and code terms in it.
//!
//! mdBook 0.5.4 indexes with elasticlunr-rs's English pipeline, whose trimmer
//! drops every Cyrillic letter. This crate re-indexes the sections that mdBook
//! stored in `searchindex-*.js` with one pipeline function, [`PIPELINE_NAME`]:
//! Snowball Russian for Cyrillic tokens, mdBook's English pipeline for the rest.
//! The browser runs the same function ([`BROWSER_JS`]), so a query is cut and
//! stemmed exactly as the text was; `tests/same_terms.rs` holds both to that.
//!
//! The words readers type for a term (the glossary's «Не пишем»: «дедлок»,
//! «таймаут») become the term's words on both sides ([`Variants`]), and the
//! sections that explain a term carry it in a field of their own, boosted
//! ([`GLOSSARY_FIELD`]), so they rank first. The data is packed ([`pack`]): the
//! sections' text, needed only for the results' teasers, goes to a file of its own
//! that the browser fetches after the first results (`theme/search-ru/unpack.js`).

pub mod glossary;

pub use glossary::Glossary;

use anyhow::{Context, Result, bail};
use elasticlunr::lang::{English, Language, Russian};
use elasticlunr::pipeline::{Pipeline, PipelineFn};
use elasticlunr::{Index, IndexBuilder};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The name under which the index and the browser know the pipeline function.
pub const PIPELINE_NAME: &str = "stemmer-ru-en";

/// Longer tokens are not indexed (as in mdBook): base64, hashes, long paths.
pub const MAX_TOKEN_UTF16_LEN: usize = 80;

/// The fields mdBook indexes, in its order.
const FIELDS: [&str; 3] = ["title", "body", "breadcrumbs"];

/// The scripts that put the pipeline into the browser's elasticlunr 0.9, in
/// load order: lunr-languages 1.22.0 (vendored in `theme/search-ru/`) and the
/// shims that adapt it and register [`PIPELINE_NAME`].
pub const BROWSER_JS: [(&str, &str); 5] = [
    (
        "theme/search-ru/lunr.stemmer.support.min.js",
        include_str!("../../theme/search-ru/lunr.stemmer.support.min.js"),
    ),
    (
        "theme/search-ru/elasticlunr-compat.js",
        include_str!("../../theme/search-ru/elasticlunr-compat.js"),
    ),
    (
        "theme/search-ru/lunr.ru.min.js",
        include_str!("../../theme/search-ru/lunr.ru.min.js"),
    ),
    (
        "theme/search-ru/stemmer-ru-en.js",
        include_str!("../../theme/search-ru/stemmer-ru-en.js"),
    ),
    (
        "theme/search-ru/unpack.js",
        include_str!("../../theme/search-ru/unpack.js"),
    ),
];

/// The field that holds, for a section the glossary names in «Где объяснено»,
/// the terms it explains; its boost puts those sections first.
pub const GLOSSARY_FIELD: &str = "glossary";
pub const GLOSSARY_BOOST: u32 = 10;

/// mdBook 0.5.4's own elasticlunr.min.js (0.9.5): the English half of the
/// browser pipeline. The backend checks the built site still ships this very file.
pub const ELASTICLUNR_JS: &str = include_str!("../../theme/search-ru/elasticlunr.min.js");

/// The scripts the browser runs before the index, in order: the glossary's
/// variants (a global that `stemmer-ru-en.js` reads), then [`BROWSER_JS`].
pub fn browser_scripts(variants: &Variants) -> Vec<(String, String)> {
    let pairs = serde_json::to_string(&variants.pairs).expect("strings serialise");
    let mut scripts = vec![(
        // the file's name only: the published index must not carry the builder's paths
        format!(
            "{}: «Не пишем»",
            std::path::Path::new(&variants.source)
                .file_name()
                .map_or(variants.source.as_str(), |name| name
                    .to_str()
                    .unwrap_or("glossary"))
        ),
        format!("window.searchRuVariants = {pairs};"),
    )];
    scripts.extend(
        BROWSER_JS
            .iter()
            .map(|(path, text)| (path.to_string(), minify(text))),
    );
    scripts
}

/// A script without what only its readers need, so the reader downloads less
/// before the first results: comments (but `/*!`, a licence), indentation and
/// blank lines. Enough for [`BROWSER_JS`], whose strings and regexes hold no
/// `/*` and no line that starts with `//`; the tests run what it leaves.
pub fn minify(js: &str) -> String {
    let mut kept = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(start) = rest.find("/*") {
        kept.push_str(&rest[..start]);
        let end = rest[start..]
            .find("*/")
            .map_or(rest.len(), |end| start + end + 2);
        if rest[start..].starts_with("/*!") {
            kept.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    kept.push_str(rest);
    kept.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The scripts of [`browser_scripts`] as one, each under a comment naming its file.
pub fn browser_js(variants: &Variants) -> String {
    let mut js = String::new();
    for (path, text) in browser_scripts(variants) {
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

thread_local! {
    // Building it compiles regexes and stop word sets: once per thread.
    static TERM: RussianOrEnglish = RussianOrEnglish::new();
}

/// What a token is compared by when looking for a variant: its search term, or
/// (a stop word) the token itself. `stemmer-ru-en.js` has the same `key`.
fn key(token: &str) -> String {
    TERM.with(|term| term.filter(token.to_string()))
        .unwrap_or_else(|| token.replace('ё', "е"))
}

/// The glossary's variants: runs of words readers type, each to be read as the
/// words of its term. Both the index and the browser apply them to the tokens
/// before the pipeline (`stemmer-ru-en.js`, `mapVariants`).
#[derive(Debug, Clone, Default)]
pub struct Variants {
    /// Where they came from, for messages and the browser script's comment.
    pub source: String,
    /// (the words typed, the term's words), as the browser gets them.
    pub pairs: Vec<(Vec<String>, Vec<String>)>,
    by_key: HashMap<Vec<String>, (usize, usize)>,
    longest: usize,
}

impl Variants {
    /// Every «Не пишем» word of each row, and each term or variant of several
    /// words also written as one («тайм-аут» as «таймаут», «ивент луп» as
    /// «ивентлуп»), reads as the row's term. A word that two rows claim for
    /// different terms is an error naming both lines.
    pub fn new(glossary: &Glossary) -> Result<Variants> {
        let mut variants = Variants {
            source: glossary.path.clone(),
            ..Variants::default()
        };
        for row in &glossary.rows {
            let target = tokenize(&row.term);
            let target_key: Vec<String> = target.iter().map(|t| key(t)).collect();
            let mut typed: Vec<Vec<String>> = row.variants.iter().map(|v| tokenize(v)).collect();
            typed.push(target.clone());
            for words in typed.clone() {
                if words.len() > 1 {
                    typed.push(vec![words.concat()]);
                }
            }
            for words in typed {
                let words_key: Vec<String> = words.iter().map(|t| key(t)).collect();
                if words.is_empty() || words_key == target_key {
                    continue;
                }
                if let Some(&(pair, line)) = variants.by_key.get(&words_key) {
                    if variants.pairs[pair].1 != target {
                        bail!(
                            "{}:{}: «{}» уже означает «{}» (строка {line}): слово, которое ищут, ведёт к одному термину",
                            glossary.path,
                            row.line,
                            words.join(" "),
                            variants.pairs[pair].1.join(" ")
                        );
                    }
                    continue;
                }
                variants.longest = variants.longest.max(words.len());
                variants
                    .by_key
                    .insert(words_key, (variants.pairs.len(), row.line));
                variants.pairs.push((words, target.clone()));
            }
        }
        Ok(variants)
    }

    /// The tokens with each run that spells a variant replaced by its term's
    /// words; the longest run wins.
    pub fn apply(&self, tokens: Vec<String>) -> Vec<String> {
        if self.longest == 0 {
            return tokens;
        }
        let keys: Vec<String> = tokens.iter().map(|t| key(t)).collect();
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let found = (1..=self.longest.min(tokens.len() - i))
                .rev()
                .find_map(|n| self.by_key.get(&keys[i..i + n]).map(|&(pair, _)| (n, pair)));
            match found {
                Some((n, pair)) => {
                    out.extend(self.pairs[pair].1.iter().cloned());
                    i += n;
                }
                None => {
                    out.push(tokens[i].clone());
                    i += 1;
                }
            }
        }
        out
    }
}

/// The elasticlunr-rs language made of [`tokenize`], the glossary's
/// [`Variants`] and [`RussianOrEnglish`].
struct RussianAndEnglish {
    variants: Variants,
}

impl Language for RussianAndEnglish {
    fn name(&self) -> String {
        "Russian and English".into()
    }

    fn code(&self) -> String {
        "ru".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        self.variants.apply(tokenize(text))
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline {
            queue: vec![Box::new(RussianOrEnglish::new())],
        }
    }
}

/// The search terms the index holds for `text` (and the browser makes of a
/// query), without the glossary's variants.
pub fn terms(text: &str) -> Vec<String> {
    terms_with(&Variants::default(), text)
}

/// The search terms the index holds for `text`, and the browser makes of a
/// query, with the glossary's variants.
pub fn terms_with(variants: &Variants, text: &str) -> Vec<String> {
    thread_local! {
        static PIPELINE: Pipeline = Pipeline {
            queue: vec![Box::new(RussianOrEnglish::new())],
        };
    }
    PIPELINE.with(|pipeline| pipeline.run(variants.apply(tokenize(text))))
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

/// `searchindex.js` again: the browser pipeline, then the packed data (as mdBook
/// writes it, a JSON string literal), then the call that unpacks it.
pub fn write_searchindex_js(searchindex: &Value, variants: &Variants) -> Result<String> {
    Ok(format!(
        "{}{}\nwindow.searchRu.unpack(window.search);\n",
        browser_js(variants),
        data_js(searchindex)?
    ))
}

/// The data as mdBook's `searchindex.js` holds it: `window.search = Object.assign(…)`.
pub fn data_js(searchindex: &Value) -> Result<String> {
    let json = serde_json::to_string(searchindex)?;
    let literal = json.replace('\\', "\\\\").replace('\'', "\\'");
    Ok(format!("{JS_PREFIX}{literal}{JS_SUFFIX}"))
}

/// The file of the sections' text that [`pack`] took out of the index.
pub fn write_teasers_js(teasers: &Value) -> Result<String> {
    let json = serde_json::to_string(teasers)?;
    let literal = json.replace('\\', "\\\\").replace('\'', "\\'");
    Ok(format!(
        "window.searchRu.teasers(JSON.parse('{literal}'));\n"
    ))
}

/// The sections the glossary names in «Где объяснено», as refs: the section
/// with the link's anchor, else the page's first. A page not in the index is an
/// error naming the glossary's line.
fn explained(doc_urls: &[String], glossary: &Glossary) -> Result<HashMap<usize, Vec<String>>> {
    let mut terms: HashMap<usize, Vec<String>> = HashMap::new();
    for row in &glossary.rows {
        for target in &row.pages {
            let page = target.split('#').next().unwrap_or_default();
            let doc = doc_urls
                .iter()
                .position(|url| url == target)
                .or_else(|| doc_urls.iter().position(|url| url.split('#').next() == Some(page)))
                .with_context(|| {
                    format!(
                        "{}:{}: «Где объяснено» ведёт на `{target}`, а такой страницы нет в поисковом индексе",
                        glossary.path, row.line
                    )
                })?;
            terms.entry(doc).or_default().push(row.term.clone());
        }
    }
    Ok(terms)
}

/// Replaces the English-only `index` of mdBook's search data with one built from
/// the same sections (the document store mdBook saved) by [`RussianAndEnglish`]
/// with the glossary's variants, plus the field [`GLOSSARY_FIELD`] (boosted in the
/// search options): the terms each section explains. The result options and
/// section URLs stay as mdBook made them.
pub fn reindex(searchindex: &mut Value, glossary: &Glossary) -> Result<()> {
    let variants = Variants::new(glossary)?;
    let doc_urls: Vec<String> = serde_json::from_value(searchindex["doc_urls"].clone())
        .context("в searchindex.js нет `doc_urls`, адресов разделов")?;
    let explained = explained(&doc_urls, glossary)?;
    let store = &searchindex["index"]["documentStore"]["docs"];
    let docs = store.as_object().with_context(|| {
        "в searchindex.js нет `index.documentStore.docs`, текстов разделов: без них индекс не перестроить"
    })?;
    if docs.is_empty() {
        bail!("в searchindex.js нет ни одного раздела: искать негде");
    }
    let mut index: Index = FIELDS
        .iter()
        .chain([&GLOSSARY_FIELD])
        .fold(
            IndexBuilder::with_language(Box::new(RussianAndEnglish { variants })),
            |builder, field| builder.add_field(field),
        )
        .build();
    // Refs are the section numbers; keep mdBook's order so the output is stable.
    let mut refs: Vec<(usize, &String)> = docs
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
    for (number, doc_ref) in refs {
        let doc = &docs[doc_ref];
        let mut fields = FIELDS
            .iter()
            .map(|field| {
                doc[field]
                    .as_str()
                    .map(str::to_string)
                    .with_context(|| format!("у раздела {doc_ref} нет текстового поля `{field}`"))
            })
            .collect::<Result<Vec<_>>>()?;
        fields.push(
            explained
                .get(&number)
                .map(|t| t.join(" "))
                .unwrap_or_default(),
        );
        index.add_doc(doc_ref, fields);
    }
    searchindex["index"] = serde_json::to_value(&index)?;
    searchindex["search_options"]["fields"][GLOSSARY_FIELD] = json!({ "boost": GLOSSARY_BOOST });
    Ok(())
}

/// The characters that open a term in [`pack`]'s dictionary, each standing for
/// how many leading UTF-16 units it shares with the term before: 0 for `!`, 1 for
/// `#`… Terms are runs of letters, digits and `_`: none of these is in a term.
/// `'`, `"` and `\` are left out: the data sits in a JS string literal.
pub const SHARED_PREFIX: &str = "!#$%&()*+,-./:;<=>?@[]^`{|}~";

/// The fields [`pack`] leaves out, as `unpack.js` indexes them again from the
/// breadcrumbs it gets anyway: the title is their last part (`TITLE_SEPARATOR`
/// as mdBook joins them), else given in `titles`.
pub const DERIVED: [&str; 2] = ["title", "breadcrumbs"];
const TITLE_SEPARATOR: &str = " » ";

/// Makes the data smaller to download (`theme/search-ru/unpack.js` restores
/// elasticlunr's form, `tests/same_terms.rs` checks it gets back what was packed):
/// - the inverted indexes, a trie of one JSON object per letter for each field,
///   become one dictionary of the terms of all fields, sorted, each term written
///   as how much it shares with the one before ([`SHARED_PREFIX`]) and the rest:
///   `index.index.terms`, e.g. `!поток&и` for «поток», «потоки»;
/// - each field's postings become one string, a `;`-separated entry per term of
///   the dictionary (empty: not in this field), each a space-separated list of
///   sections, `delta` or `delta:count` (count 1 is left out), `delta` being the
///   section number minus the one before (elasticlunr stores √count as `tf`, a
///   long float);
/// - the fields of [`DERIVED`] are left out: the browser indexes them from the
///   breadcrumbs;
/// - the document store becomes `{"breadcrumbs": [...], "lengths": {field: [...]},
///   "titles": {...}, "anchors": {...}}`, by section number: a section keeps only its `breadcrumbs`,
///   the text searcher.js shows as the result's link, the packed fields' lengths
///   in terms (elasticlunr's `docInfo`), its title if that is not the
///   breadcrumbs' last part, and its URL's `#anchor` if that is not the one
///   mdBook makes of the title (a heading's own `{#id}`, a `-1` for a repeated
///   one); its `body` (the teaser's source) is returned, to be fetched once the
///   first results are shown;
/// - `doc_urls` keep only the pages: the anchors are the titles' ids.
pub fn pack(searchindex: &mut Value) -> Result<Value> {
    let fields = searchindex["index"]["index"]
        .as_object_mut()
        .context("в индексе нет `index.index`")?;
    let mut by_field = Vec::new();
    for (field, inverted) in fields
        .iter()
        .filter(|(field, _)| !DERIVED.contains(&field.as_str()))
    {
        let mut postings = Vec::new();
        walk(&inverted["root"], &mut String::new(), &mut postings)
            .with_context(|| format!("поле `{field}`"))?;
        by_field.push((
            field.clone(),
            postings.into_iter().collect::<HashMap<_, _>>(),
        ));
    }
    let mut terms: Vec<&String> = by_field.iter().flat_map(|(_, p)| p.keys()).collect();
    terms.sort();
    terms.dedup();
    let mut packed = serde_json::Map::new();
    packed.insert("terms".into(), front_code(&terms)?.into());
    for (field, postings) in &by_field {
        let entries: Vec<String> = terms
            .iter()
            .map(|term| {
                postings
                    .get(*term)
                    .map(|p| encode_postings(p))
                    .unwrap_or_default()
            })
            .collect();
        packed.insert(
            field.clone(),
            entries.join(";").trim_end_matches(';').into(),
        );
    }
    searchindex["index"]["index"] = Value::Object(packed);

    let urls: Vec<String> = serde_json::from_value(searchindex["doc_urls"].take())
        .context("в индексе нет `doc_urls`, адресов разделов")?;
    let mut pages = Vec::with_capacity(urls.len());
    let mut anchors = serde_json::Map::new();
    let store = &mut searchindex["index"]["documentStore"];
    let info = store["docInfo"].take();
    let docs = store["docs"]
        .as_object_mut()
        .context("в индексе нет `documentStore.docs`")?;
    let mut teasers = serde_json::Map::new();
    let mut breadcrumbs = Vec::new();
    let mut lengths = serde_json::Map::new();
    let mut titles = serde_json::Map::new();
    let count = docs.len();
    for number in 0..count {
        let doc_ref = number.to_string();
        let doc = docs
            .get_mut(&doc_ref)
            .with_context(|| format!("разделы — не 0…{}: нет раздела {doc_ref}", count - 1))?;
        teasers.insert(doc_ref.clone(), doc["body"].take());
        let (title, crumbs) = (&doc["title"], &doc["breadcrumbs"]);
        let last = crumbs
            .as_str()
            .and_then(|c| c.rsplit(TITLE_SEPARATOR).next());
        if title.as_str() != last {
            titles.insert(doc_ref.clone(), title.clone());
        }
        let url = urls
            .get(number)
            .with_context(|| format!("у раздела {doc_ref} нет адреса в `doc_urls`"))?;
        let (page, anchor) = url.split_at(url.find('#').unwrap_or(url.len()));
        pages.push(page.to_string());
        if anchor != format!("#{}", heading_id(title.as_str().unwrap_or_default())) {
            anchors.insert(doc_ref.clone(), anchor.into());
        }
        breadcrumbs.push(doc["breadcrumbs"].take());
        for (field, _) in &by_field {
            let length = info[&doc_ref][field]
                .as_u64()
                .with_context(|| format!("у раздела {doc_ref} нет длины поля `{field}`"))?;
            let list = lengths.entry(field.clone()).or_insert_with(|| json!([]));
            list.as_array_mut()
                .expect("made an array")
                .push(length.into());
        }
    }
    *store = json!({ "breadcrumbs": breadcrumbs, "lengths": lengths, "titles": titles, "anchors": anchors });
    searchindex["doc_urls"] = pages.into();
    Ok(Value::Object(teasers))
}

/// The id mdBook 0.5.4 gives a heading without one of its own (mdbook-html's
/// `id_from_content`); `unpack.js` has the same `headingId`.
pub fn heading_id(title: &str) -> String {
    title
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c)
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}
/// The terms, each written as the [`SHARED_PREFIX`] character for how many
/// UTF-16 units (JS's string length) it shares with the term before, then the rest.
fn front_code(terms: &[&String]) -> Result<String> {
    let mut out = String::new();
    let mut before: &str = "";
    for term in terms {
        if term.is_empty() || term.chars().any(|c| SHARED_PREFIX.contains(c)) {
            bail!("термин {term:?} пуст или содержит знак из {SHARED_PREFIX:?}");
        }
        // Counted in UTF-16 units, as JS slices strings, and whole characters.
        let (mut shared, mut bytes) = (0, 0);
        for (a, b) in before.chars().zip(term.chars()) {
            if a != b || shared + a.len_utf16() >= SHARED_PREFIX.len() {
                break;
            }
            shared += a.len_utf16();
            bytes += a.len_utf8();
        }
        out.push(SHARED_PREFIX.as_bytes()[shared] as char);
        out.push_str(&term[bytes..]);
        before = term;
    }
    Ok(out)
}

/// (section, count) pairs, sorted by section, as `delta[:count] …`.
fn encode_postings(postings: &[(u64, u64)]) -> String {
    let mut before = 0;
    let mut out = Vec::with_capacity(postings.len());
    for &(doc, count) in postings {
        out.push(if count == 1 {
            format!("{}", doc - before)
        } else {
            format!("{}:{count}", doc - before)
        });
        before = doc;
    }
    out.join(" ")
}

/// The terms under `node` of an elasticlunr trie, each with its postings as
/// (ref, count) pairs sorted by ref.
fn walk(node: &Value, prefix: &mut String, out: &mut Vec<(String, Vec<(u64, u64)>)>) -> Result<()> {
    let node = node.as_object().context("узел индекса — не объект")?;
    let mut postings = Vec::new();
    for (doc_ref, info) in node
        .get("docs")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let tf = info["tf"].as_f64().context("у вхождения нет числа `tf`")?;
        postings.push((doc_ref.parse::<u64>()?, (tf * tf).round() as u64));
    }
    postings.sort();
    if !postings.is_empty() {
        out.push((prefix.clone(), postings));
    }
    for (letter, child) in node {
        if letter != "docs" && letter != "df" {
            prefix.push_str(letter);
            walk(child, prefix, out)?;
            prefix.truncate(prefix.len() - letter.len());
        }
    }
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
    fn front_coding_counts_utf16_units() {
        let terms = ["𝔸𝔹x", "𝔸𝔹y", "𝔸𝔹yz", "b"].map(String::from);
        let terms: Vec<&String> = terms.iter().collect();
        // 𝔸 and 𝔹 are two UTF-16 units each: «𝔸𝔹» is 4 (`&`), as JS slices it.
        assert_eq!(front_code(&terms).unwrap(), "!𝔸𝔹x&y(z!b");
    }

    #[test]
    fn minify_keeps_code_and_licences() {
        let js = "/*!\n * Licence\n */\n/** docs */\n;(function () {\n    // why\n\n    var a = '//'; /* x */\n    return a; // kept\n})();\n";
        assert_eq!(
            minify(js),
            "/*!\n* Licence\n*/\n;(function () {\nvar a = '//';\nreturn a; // kept\n})();"
        );
    }

    #[test]
    fn searchindex_js_round_trips() {
        let data = serde_json::json!({"doc_urls": ["a.html#x"], "text": "it's \\ «ёж»"});
        let js = data_js(&data).unwrap();
        assert_eq!(parse_searchindex_js(&js).unwrap(), data);
        assert!(parse_searchindex_js("window.search = {};").is_err());
    }

    #[test]
    fn reindex_indexes_cyrillic_terms() {
        let mut data = serde_json::json!({"doc_urls": ["a.html#p", "b.html"], "search_options": {"fields": {}}, "index": {"documentStore": {"docs": {
            "0": {"id": "0", "title": "Потоки", "body": "Каждый поток создаёт задачу.", "breadcrumbs": "Глава » Потоки"},
            "1": {"id": "1", "title": "asyncio", "body": "spawn_blocking и join!", "breadcrumbs": "Глава » asyncio"}
        }}}});
        reindex(&mut data, &Glossary::default()).unwrap();
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
        let mut data = serde_json::json!({"doc_urls": [], "index": {}});
        let error = reindex(&mut data, &Glossary::default())
            .unwrap_err()
            .to_string();
        assert!(error.contains("documentStore"), "{error}");
    }

    const GLOSSARY: &str = "| Термин | Не пишем | Где объяснено |\n| --- | --- | --- |\n\
| тайм-аут | таймаут | [Т](b.md) |\n\
| взаимная блокировка | дедлок, взаимоблокировка | [Б](a.md#p) |\n\
| цикл событий | событийный цикл, ивент луп | |\n\
| канал | | |\n";

    fn variants() -> Variants {
        Variants::new(&Glossary::parse("g.md", GLOSSARY).unwrap()).unwrap()
    }

    #[test]
    fn variants_read_as_their_term() {
        let v = variants();
        for (typed, term) in [
            ("таймаут", "тайм-аут"),
            ("таймауты", "тайм-ауты"),
            ("Тайм аут", "тайм-аут"),
            ("ТАЙМ-АУТ", "тайм аут"),
            ("дедлок", "взаимная блокировка"),
            ("дедлоки в asyncio", "взаимная блокировка в asyncio"),
            ("взаимоблокировка", "взаимной блокировки"),
            ("ивент луп", "цикл событий"),
            ("ивент-луп", "цикл событий"),
            ("ивентлуп", "цикл событий"),
            ("событийный цикл", "цикл событий"),
            ("циклсобытий", "цикл событий"),
        ] {
            assert_eq!(
                terms_with(&v, typed),
                terms(term),
                "«{typed}» should read as «{term}»"
            );
        }
        // Words of the book stay themselves; so does a variant's word alone.
        for text in ["блокировка", "ивент", "событий цикл", "канал каналы"]
        {
            assert_eq!(terms_with(&v, text), terms(text), "{text}");
        }
    }

    #[test]
    fn a_variant_of_two_terms_is_an_error() {
        let table = format!("{GLOSSARY}| поток | таймаут | |\n");
        let error = Variants::new(&Glossary::parse("g.md", &table).unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("g.md:7") && error.contains("строка 3"),
            "{error}"
        );
    }

    #[test]
    fn explaining_sections_carry_their_terms_and_unpack() {
        let mut data = serde_json::json!({
        "doc_urls": ["a.html#start", "a.html#p", "b.html#x"],
        "search_options": {"fields": {"title": {"boost": 2}}},
        "index": {"documentStore": {"docs": {
            "0": {"id": "0", "title": "А", "body": "Начало потока.", "breadcrumbs": "А"},
            "1": {"id": "1", "title": "П", "body": "Взаимная блокировка потоков, потоков.", "breadcrumbs": "А » П"},
            "2": {"id": "2", "title": "Тайм-ауты", "body": "Тайм-аут.", "breadcrumbs": "Б"}
        }}}});
        let glossary = Glossary::parse("g.md", GLOSSARY).unwrap();
        reindex(&mut data, &glossary).unwrap();
        assert_eq!(
            data["search_options"]["fields"][GLOSSARY_FIELD]["boost"],
            GLOSSARY_BOOST
        );
        let teasers = pack(&mut data).unwrap();
        assert_eq!(teasers["1"], "Взаимная блокировка потоков, потоков.");
        let store = &data["index"]["documentStore"];
        assert_eq!(store["breadcrumbs"], json!(["А", "А » П", "Б"]));
        assert_eq!(store["lengths"]["body"], json!([2, 4, 2]), "terms per body");
        assert_eq!(store["lengths"][GLOSSARY_FIELD], json!([0, 2, 2]));
        // The browser indexes title and breadcrumbs from these.
        assert_eq!(store["titles"], json!({"2": "Тайм-ауты"}), "not «Б»");
        assert_eq!(data["doc_urls"], json!(["a.html", "a.html", "b.html"]));
        assert_eq!(
            store["anchors"],
            json!({"0": "#start", "1": "#p", "2": "#x"}),
            "not #а, #п, #тайм-ауты"
        );
        assert_eq!(
            heading_id(" Тайм-ауты: wait_for() и #[tokio::main] "),
            "тайм-ауты-wait_for-и-tokiomain"
        );
        assert!(store["lengths"]["title"].is_null());
        // The dictionary, front-coded: each term after its SHARED_PREFIX character.
        let packed = data["index"]["index"]["terms"].as_str().unwrap();
        let mut dictionary: Vec<String> = Vec::new();
        let mut before = String::new();
        let mut chars = packed.chars().peekable();
        while let Some(c) = chars.next() {
            let shared = SHARED_PREFIX
                .find(c)
                .expect("a term starts with its shared count");
            let units: Vec<u16> = before.encode_utf16().take(shared).collect();
            let mut term = String::from_utf16(&units).unwrap();
            while let Some(&next) = chars.peek().filter(|c| !SHARED_PREFIX.contains(**c)) {
                term.push(next);
                chars.next();
            }
            dictionary.push(term.clone());
            before = term;
        }
        let mut sorted = dictionary.clone();
        sorted.sort();
        assert_eq!(dictionary, sorted);
        let at = |field: &str, word: &str| {
            let i = dictionary
                .iter()
                .position(|t| *t == terms(word)[0])
                .unwrap();
            let postings = data["index"]["index"][field].as_str().unwrap();
            postings.split(';').nth(i).unwrap_or_default().to_string()
        };
        // «b.md» has no anchor: its first section; «a.md#p»: that section.
        assert_eq!(at(GLOSSARY_FIELD, "тайм"), "2");
        assert_eq!(at(GLOSSARY_FIELD, "блокировка"), "1");
        assert_eq!(at(GLOSSARY_FIELD, "потоков"), "", "not in the field");
        assert_eq!(at("body", "потоков"), "0 1:2", "sections 0, 0 + 1 twice");
        assert_eq!(at("body", "тайм"), "2");
        assert!(data["index"]["index"]["title"].is_null());
    }

    #[test]
    fn a_glossary_link_to_a_page_not_indexed_is_an_error() {
        let mut data = serde_json::json!({"doc_urls": ["a.html#p"], "index": {"documentStore": {"docs": {
            "0": {"id": "0", "title": "А", "body": "", "breadcrumbs": "А"}}}}});
        let error = reindex(&mut data, &Glossary::parse("g.md", GLOSSARY).unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("g.md:3") && error.contains("b.html"),
            "{error}"
        );
    }
}
