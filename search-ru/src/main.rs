//! The `[output.search-ru]` backend of book.toml. mdBook runs it after the
//! `html` renderer (renderers run in name order) with the RenderContext on
//! stdin; it rewrites `book/html/searchindex-*.js` with the Russian pipeline,
//! renames it after its new content and points every page at the new name.
//! Any step that fails stops the build: never a silently English-only search.

use anyhow::{Context, Result, bail, ensure};
use mdbook_renderer::RenderContext;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    if let Err(error) = run() {
        eprintln!("search-ru: русский поисковый индекс не построен: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let ctx = RenderContext::from_json(std::io::stdin().lock())
        .context("не прочитан RenderContext, который mdBook передаёт на stdin")?;
    // With more than one renderer, mdBook gives each its own folder in the build dir.
    let html = ctx
        .destination
        .parent()
        .context("у папки этого бэкенда нет родительской")?
        .join("html");
    ensure!(
        html.is_dir(),
        "{}: нет HTML-вывода; в book.toml нужен `[output.html]`, и mdBook должен запускать его раньше `[output.search-ru]`",
        html.display()
    );
    let old = only_file(&html, "searchindex", ".js")?;
    check_elasticlunr(&html)?;
    let old_name = file_name(&old);
    let js = fs::read_to_string(&old).with_context(|| format!("{}: не читается", old.display()))?;
    let mut searchindex =
        search_ru::parse_searchindex_js(&js).with_context(|| old.display().to_string())?;
    // The glossary says what readers type for each term and where it is explained.
    let glossary =
        search_ru::Glossary::read(&ctx.root.join(&ctx.config.book.src).join("glossary.md"))?;
    search_ru::reindex(&mut searchindex, &glossary).with_context(|| old.display().to_string())?;
    let teasers = search_ru::pack(&mut searchindex)?;
    // The sections' text, fetched after the first results (theme/search-ru/unpack.js).
    for stale in fs::read_dir(&html)? {
        let stale = stale?.path();
        let name = file_name(&stale);
        if name.starts_with("searchteasers-") && name.ends_with(".js") {
            fs::remove_file(&stale)?;
        }
    }
    let teasers_js = search_ru::write_teasers_js(&teasers)?;
    let teasers_name = format!("searchteasers-{}.js", short_hash(&teasers_js));
    fs::write(html.join(&teasers_name), &teasers_js)?;
    searchindex["teasers"] = teasers_name.clone().into();
    let variants = search_ru::Variants::new(&glossary)?;
    let new_js = search_ru::write_searchindex_js(&searchindex, &variants)?;

    // The name carries a hash of the content, as mdBook's does, so that a
    // browser never keeps an index built by another pipeline.
    let new_name = format!("searchindex-{}.js", short_hash(&new_js));
    fs::write(html.join(&new_name), &new_js)?;
    if new_name != old_name {
        fs::remove_file(&old)?;
        let pages = point_pages_at(&html, &old_name, &new_name)?;
        ensure!(
            pages > 0,
            "{}: ни одна страница и ни один скрипт не называют `{old_name}`: русский индекс никто не загрузит",
            html.display()
        );
    }
    eprintln!(
        "search-ru: {} — индекс с русской морфологией ({} КБ; тексты разделов — {}, {} КБ)",
        html.join(&new_name).display(),
        new_js.len() / 1024,
        teasers_name,
        teasers_js.len() / 1024
    );
    Ok(())
}

/// The English half of the browser pipeline is the elasticlunr.js that mdBook
/// ships; the terms test ran against the vendored copy, so it must be the same file.
fn check_elasticlunr(html: &Path) -> Result<()> {
    let shipped = only_file(html, "elasticlunr", ".min.js")?;
    let text = fs::read_to_string(&shipped)?;
    ensure!(
        text == search_ru::ELASTICLUNR_JS,
        "{} отличается от theme/search-ru/elasticlunr.min.js: mdBook поставляет другой elasticlunr; \
         скопируйте его файл туда и запустите `cargo test --locked -p search-ru`",
        shipped.display()
    );
    Ok(())
}

/// The one file in `dir` named `prefix….suffix` (mdBook puts a hash in between).
fn only_file(dir: &Path, prefix: &str, suffix: &str) -> Result<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("{}: не читается", dir.display()))?
    {
        let path = entry?.path();
        let name = file_name(&path);
        if name.starts_with(prefix) && name.ends_with(suffix) {
            found.push(path);
        }
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!(
            "{}: нет {prefix}*{suffix}; включён ли поиск в `[output.html.search]`?",
            dir.display()
        ),
        _ => bail!(
            "{}: больше одного {prefix}*{suffix}: {found:?}",
            dir.display()
        ),
    }
}

fn short_hash(text: &str) -> String {
    hex::encode(&Sha256::digest(text.as_bytes())[..4])
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Replaces `old` by `new` in every `.html` and `.js` file under `dir`;
/// returns how many files named it.
fn point_pages_at(dir: &Path, old: &str, new: &str) -> Result<usize> {
    let mut count = 0;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            count += point_pages_at(&path, old, new)?;
        } else if path
            .extension()
            .is_some_and(|ext| ext == "html" || ext == "js")
        {
            let text = fs::read_to_string(&path)
                .with_context(|| format!("{}: не UTF-8", path.display()))?;
            if text.contains(old) {
                fs::write(&path, text.replace(old, new))?;
                count += 1;
            }
        }
    }
    Ok(count)
}
