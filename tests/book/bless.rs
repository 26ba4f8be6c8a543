//! `BOOK_BLESS=1` (`ci/bless.sh`): instead of holding a listing to the outputs
//! the book shows, run its programs and write what they print into the
//! listing's files.
//!
//! - A shown output that neither program printed any more is rewritten with
//!   what they print now (the usual case: the program was changed).
//! - An output printed that no file shows goes into a new file:
//!   `output-N.txt` when both programs printed it, else `output-python-N.txt`
//!   or `output-rust-N.txt`; bless says that a page must show it.
//! - A shown output not printed in this many runs is kept, never removed, and
//!   named: its order may just not have come up.
//! - `rustc.txt` and `panic.txt` are rewritten with rustc's diagnostic or the
//!   panic as printed now, normalised as `tests/book/diagnostic.rs` says.
//!
//! Each program runs `BOOK_BLESS_RUNS` times on each interpreter (default: 1,
//! or 30 when the book shows several outputs, that is, when the OS decides the
//! order). Running bless twice on an unchanged book changes nothing.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use crate::rust::{Expect, diagnostic_shown, expectation, report};
use crate::{Listing, Shown, diagnostic, may_print, python, testmod};

pub fn is_on() -> bool {
    std::env::var_os("BOOK_BLESS").is_some_and(|on| !on.is_empty())
}

/// Blesses one listing and says on stderr what changed or needs the author.
pub fn bless(listing: &Listing) -> Result<(), String> {
    let runs = std::env::var("BOOK_BLESS_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(if listing.outputs.len() > 2 { 30 } else { 1 });
    let mut notes = Vec::new();
    let python_seen = match &listing.python {
        Some(python) => Some(python::outputs_seen(
            python,
            listing
                .rust
                .is_none()
                .then_some(listing.panic.as_ref())
                .flatten(),
            runs,
            testmod::is_test_module(listing),
        )?),
        None => None,
    };
    let mut rust_seen = None;
    if let Some(rust) = &listing.rust {
        let expect = expectation(rust)?;
        let diagnostic = diagnostic_shown(listing, rust, &expect).ok().flatten();
        let mut seen = Vec::new();
        for _ in 0..runs {
            let report = report(&rust.shown, &expect);
            match (&expect, report.compiled) {
                (Expect::FailsToCompile(_), false) => {
                    if let Some(shown) = diagnostic {
                        let text = diagnostic::rustc(&report.rustc_stderr);
                        notes.extend(bless_diagnostic(shown, &text));
                    }
                    break;
                }
                (Expect::FailsToCompile(_), true) => {
                    return Err(format!(
                        "{}: {} компилируется, а помечен compile_fail",
                        rust.shown.at, rust.shown.file
                    ));
                }
                (_, false) => {
                    return Err(format!(
                        "{}: {} не компилируется:\n{}",
                        rust.shown.at, rust.shown.file, report.rustc_stderr
                    ));
                }
                (Expect::Panics, true) => {
                    // The panic message is the same on every run: bless it once.
                    if let Some(shown) = diagnostic.filter(|_| seen.is_empty()) {
                        let text = diagnostic::panic(&report.stderr);
                        notes.extend(bless_diagnostic(shown, &text));
                    }
                }
                (Expect::Runs, true)
                    if report.exit_ok != Some(true) || !report.stderr.is_empty() =>
                {
                    return Err(format!(
                        "{}: {} завершилась с ошибкой или печатает в stderr:\n{}",
                        rust.shown.at, rust.shown.file, report.stderr
                    ));
                }
                (Expect::Runs, true) => {}
                (Expect::Tests, true) => {
                    let report = testmod::rust_report(&rust.shown, &report)?;
                    if !seen.contains(&report) {
                        seen.push(report);
                    }
                    continue;
                }
            }
            if !seen.contains(&report.stdout) {
                seen.push(report.stdout);
            }
        }
        if !matches!(expect, Expect::FailsToCompile(_)) {
            rust_seen = Some(seen);
        }
    }
    notes.extend(bless_outputs(listing, python_seen, rust_seen, runs)?);
    if !notes.is_empty() {
        let _ = writeln!(std::io::stderr(), "{}", notes.join("\n"));
    }
    Ok(())
}

fn bless_outputs(
    listing: &Listing,
    python: Option<Vec<String>>,
    rust: Option<Vec<String>>,
    runs: usize,
) -> Result<Vec<String>, String> {
    let languages: Vec<(&str, Vec<String>)> = [("python", python), ("rust", rust)]
        .into_iter()
        .filter_map(|(language, seen)| Some((language, seen?)))
        .collect();
    let mut notes = Vec::new();
    // What each language printed that no file it may print shows.
    let mut unshown: Vec<(&str, Vec<String>)> = languages
        .iter()
        .map(|(language, seen)| {
            let shown_for_language = |out: &String| {
                listing
                    .outputs
                    .iter()
                    .any(|o| may_print(o.file, language) && o.text == *out)
            };
            // Showing no output says the program prints nothing.
            let shows_none = !listing.outputs.iter().any(|o| may_print(o.file, language));
            let new = seen
                .iter()
                .filter(|out| !(shown_for_language(out) || shows_none && out.is_empty()))
                .cloned()
                .collect();
            (*language, new)
        })
        .collect();
    for output in &listing.outputs {
        let users: Vec<&str> = languages
            .iter()
            .map(|(language, _)| *language)
            .filter(|language| may_print(output.file, language))
            .collect();
        let printed = languages.iter().any(|(language, seen)| {
            users.contains(language) && seen.iter().any(|s| *s == output.text)
        });
        if printed || users.is_empty() {
            continue;
        }
        // The first output not shown, if every language this file is for printed it.
        let candidate = unshown
            .iter()
            .find(|(language, _)| users.contains(language))
            .and_then(|(_, new)| new.first().cloned())
            .filter(|text| {
                users.iter().all(|user| {
                    unshown
                        .iter()
                        .any(|(language, new)| language == user && new.contains(text))
                })
            });
        match candidate {
            Some(text) => {
                write(output.file, &text)?;
                notes.push(format!("{}: переписан выводом, который программы печатают теперь", output.file));
                for (_, new) in unshown.iter_mut() {
                    new.retain(|t| *t != text);
                }
            }
            None => notes.push(format!(
                "{}: за {runs} запуск(ов) ни одна программа этого не напечатала; файл оставлен (порядок мог просто не выпасть), проверьте сами",
                output.file
            )),
        }
    }
    // What is still not shown goes into new files.
    let folder = listing.folder;
    let both: Vec<String> = match unshown.as_slice() {
        [(_, a), (_, b)] => a.iter().filter(|t| b.contains(t)).cloned().collect(),
        _ => Vec::new(),
    };
    for text in &both {
        let file = free_name(folder, "output");
        write(&file, text)?;
        notes.push(format!(
            "{file}: новый вариант вывода обеих программ — покажите его на странице рядом с другими"
        ));
    }
    for (language, new) in &unshown {
        for text in new.iter().filter(|t| !both.contains(t)) {
            let file = free_name(folder, &format!("output-{language}"));
            write(&file, text)?;
            notes.push(format!(
                "{file}: новый вариант вывода только для {language} — покажите его на странице"
            ));
        }
    }
    Ok(notes)
}

/// `output-2.txt`, `output-3.txt`… (or `output-rust.txt`, `output-rust-2.txt`…): the first name not taken.
fn free_name(folder: &str, stem: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    (1..)
        .map(|n| {
            if n == 1 {
                format!("{folder}/{stem}.txt")
            } else {
                format!("{folder}/{stem}-{n}.txt")
            }
        })
        .find(|file| !root.join(file).exists())
        .unwrap()
}

fn write(file: &str, text: &str) -> Result<(), String> {
    fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(file), text)
        .map_err(|e| format!("{file}: {e}"))
}

/// Writes a diagnostic that differs from the one shown.
fn bless_diagnostic(shown: &Shown, text: &str) -> Option<String> {
    if text == shown.text {
        return None;
    }
    write(shown.file, text).ok()?;
    Some(format!(
        "{}: переписан по тому, что печатается теперь",
        shown.file
    ))
}
