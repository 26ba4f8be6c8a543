//! The words readers type, from the book's glossary (`src/glossary.md`).
//!
//! Each row of its table names a term («Термин»), the words the book does not
//! write for it («Не пишем», comma-separated: jargon, spelling variants) and the
//! pages that explain it («Где объяснено», Markdown links). Search maps every
//! word of «Не пишем» to the term, so «дедлок» finds what «взаимная блокировка»
//! finds; hyphens and spaces inside a word do not matter (`тайм-аут`, `тайм аут`
//! and `таймаут` are one word), and the explaining pages rank first
//! (`lib.rs`, field [`crate::GLOSSARY_FIELD`]). A row without variants or without
//! a link is valid: it only gives less.

use anyhow::{Context, Result, bail};

/// One row of the glossary's table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Line in the glossary file, from 1.
    pub line: usize,
    /// The term's words as a search would read them: «опрашивать (опрос)» is
    /// searched as «опрашивать», backticks dropped.
    pub term: String,
    /// The words readers may type instead («Не пишем»).
    pub variants: Vec<String>,
    /// The explaining pages as the site names them: `ch05-07-mutex.html`,
    /// `ch02-02-how-they-work.html#threads`.
    pub pages: Vec<String>,
}

/// The glossary's rows, and the file they came from (for messages).
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub path: String,
    pub rows: Vec<Row>,
}

const TERM: &str = "Термин";
const AVOIDED: &str = "Не пишем";
const PAGES: &str = "Где объяснено";

/// The cells of a Markdown table row, `|` escaped as `\|` kept inside a cell.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cells.last_mut().unwrap().push('|');
                chars.next();
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// `[text](target)` targets of a cell that point into the book, `.md` as `.html`.
fn link_targets(cell: &str) -> Vec<String> {
    cell.split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(str::trim)
        .filter(|target| !target.is_empty() && !target.contains("://"))
        .map(|target| match target.split_once('#') {
            Some((page, anchor)) => format!("{}#{anchor}", html_page(page)),
            None => html_page(target),
        })
        .collect()
}

fn html_page(page: &str) -> String {
    match page.strip_suffix(".md") {
        Some(stem) => format!("{stem}.html"),
        None => page.to_string(),
    }
}

/// The term as searched: no backticks, no «(…)» explanation after it.
fn search_form(text: &str) -> String {
    let text = text.replace('`', "");
    let text = match text.find('(') {
        Some(open) if open > 0 => &text[..open],
        _ => &text,
    };
    text.trim().to_string()
}

impl Glossary {
    /// Reads the first table that has the columns «Термин», «Не пишем» and «Где объяснено».
    pub fn parse(path: &str, text: &str) -> Result<Glossary> {
        let lines: Vec<&str> = text.lines().collect();
        let header_at = lines
            .iter()
            .position(|l| {
                let c = cells(l);
                l.trim_start().starts_with('|') && c.iter().any(|c| c == TERM)
            })
            .with_context(|| format!("{path}: нет таблицы со столбцом «{TERM}»"))?;
        let header = cells(lines[header_at]);
        let column = |name: &str| {
            header.iter().position(|c| c == name).with_context(|| {
                format!(
                    "{path}:{}: в таблице глоссария нет столбца «{name}»",
                    header_at + 1
                )
            })
        };
        let (term_col, avoided_col, pages_col) = (column(TERM)?, column(AVOIDED)?, column(PAGES)?);
        let mut rows = Vec::new();
        for (i, line) in lines.iter().enumerate().skip(header_at + 2) {
            if !line.trim_start().starts_with('|') {
                break;
            }
            let at = format!("{path}:{}", i + 1);
            let c = cells(line);
            let cell = |n: usize| c.get(n).map(String::as_str).unwrap_or("");
            let term = search_form(cell(term_col));
            if term.is_empty() {
                bail!("{at}: у строки глоссария пустой «{TERM}»");
            }
            let variants = cell(avoided_col)
                .split(',')
                .map(search_form)
                .filter(|v| !v.is_empty())
                .collect();
            rows.push(Row {
                line: i + 1,
                term,
                variants,
                pages: link_targets(cell(pages_col)),
            });
        }
        Ok(Glossary {
            path: path.to_string(),
            rows,
        })
    }

    pub fn read(path: &std::path::Path) -> Result<Glossary> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: глоссарий не читается", path.display()))?;
        Glossary::parse(&path.display().to_string(), &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# Глоссарий\n\nТекст.\n\n\
| Термин | Не пишем | Python | Rust | Где объяснено |\n\
| --- | --- | --- | --- | --- |\n\
| тайм-аут | таймаут, тайм аут | `asyncio.timeout` \\| `wait_for` | `tokio::time::timeout` | [Тайм-ауты](ch05-04-timeouts-cancellation.md) |\n\
| опрашивать (опрос) | поллить | | | [Как](ch02-02-how-they-work.md#asyncio), [и ещё](ch03-async-await.md) |\n\
| канал | | `asyncio.Queue` | `mpsc` |\n\
\nПосле таблицы.\n";

    #[test]
    fn reads_terms_variants_and_pages() {
        let g = Glossary::parse("glossary.md", TABLE).unwrap();
        assert_eq!(
            g.rows,
            [
                Row {
                    line: 7,
                    term: "тайм-аут".into(),
                    variants: vec!["таймаут".into(), "тайм аут".into()],
                    pages: vec!["ch05-04-timeouts-cancellation.html".into()],
                },
                Row {
                    line: 8,
                    term: "опрашивать".into(),
                    variants: vec!["поллить".into()],
                    pages: vec![
                        "ch02-02-how-they-work.html#asyncio".into(),
                        "ch03-async-await.html".into()
                    ],
                },
                // A row without variants, even without its last cells, is valid.
                Row {
                    line: 9,
                    term: "канал".into(),
                    variants: vec![],
                    pages: vec![],
                },
            ]
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let error = Glossary::parse("g.md", "| Термин | Не пишем |\n| --- | --- |\n")
            .unwrap_err()
            .to_string();
        assert!(error.contains("g.md:1") && error.contains(PAGES), "{error}");
    }
}
