//! «Что напечатает?» questions: the key is a tested output, the wrong answers are not.
//!
//! A question in a chapter (theme/README.md shows the whole markup):
//!
//! ```text
//! <div class="quiz" data-listing="2-2">      (and data-language="python" or "rust" for one program)
//! <p class="quiz-question">Что напечатает листинг 2-2?</p>
//! <div class="quiz-option">            a wrong answer: a ```text block written by the author
//! <div class="quiz-option" data-key>   the key: a ```text block that is only
//!                                      {{#include ../listings/…/listing-02-02/output*.txt}}
//! <details class="quiz-answer"><summary>…</summary>
//! <p class="quiz-why">Вариант 1 — неверно: …</p>   one per option, in order
//! </details>
//! </div>
//! ```
//!
//! `problems` names, as `file:line`, every question whose key is not an output
//! file the book shows for that listing (and so tests), whose wrong answer equals
//! any `output*.txt` of the listing (an output the program may print; with
//! `data-language="rust"`, any the Rust program may print), or whose
//! markup is off; and every chapter from 2 on with listings but no question
//! (`book.rs` adds them to `book_structure`'s problems). Code blocks inside a
//! question are not the listing's shown outputs: `is_option` tells the lints
//! to leave them to this module.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const OPTION: &str = "<div class=\"quiz-option\"";

/// Whether a code block whose preceding HTML is `html_before` is a question's answer.
pub fn is_option(html_before: &str) -> bool {
    html_before
        .rfind("<div")
        .is_some_and(|at| html_before[at..].starts_with(OPTION))
}

struct Chapter {
    file: String,
    lines: Vec<String>,
}

/// Every problem of the questions in `root`'s `src/*.md`, as `file:line: …`.
pub fn problems(root: &Path) -> Vec<String> {
    let mut chapters = Vec::new();
    let mut problems = Vec::new();
    let src = root.join("src");
    let mut names: Vec<_> = match fs::read_dir(&src) {
        Ok(dir) => dir
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".md"))
            .collect(),
        Err(e) => return vec![format!("{}: {e}", src.display())],
    };
    names.sort();
    for name in names {
        match fs::read_to_string(src.join(&name)) {
            Ok(text) => chapters.push(Chapter {
                file: format!("src/{name}"),
                lines: text.lines().map(str::to_owned).collect(),
            }),
            Err(e) => problems.push(format!("src/{name}: {e}")),
        }
    }
    // The outputs the book shows (and the tests run against): included outside questions.
    let mut shown = BTreeSet::new();
    let mut questions = Vec::new();
    for chapter in &chapters {
        let mut line = 0;
        while line < chapter.lines.len() {
            if chapter.lines[line].starts_with("<div class=\"quiz\"") {
                let end = (line..chapter.lines.len())
                    .find(|&l| chapter.lines[l] == "</details>")
                    .map_or(chapter.lines.len(), |l| l + 1);
                questions.push((chapter, line, end));
                line = end;
                continue;
            }
            if let Some(path) = include_path(&chapter.lines[line]) {
                shown.insert(path.to_owned());
            }
            line += 1;
        }
    }
    let mut asked = BTreeSet::new();
    for &(chapter, start, end) in &questions {
        if let Some(number) = question(root, chapter, start, end, &shown, &mut problems) {
            asked.insert(number);
        }
    }
    // Every chapter from 2 on whose listings folder exists asks at least one question.
    for chapter in &chapters {
        let Some(number) = chapter_number(&chapter.file) else {
            continue;
        };
        let prefix = format!("ch{number:02}-");
        let has_listings = fs::read_dir(root.join("listings")).is_ok_and(|dir| {
            dir.filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        });
        let first_file = chapters
            .iter()
            .find(|c| c.file.starts_with(&format!("src/{prefix}")))
            .is_some_and(|c| c.file == chapter.file);
        if number >= 2 && has_listings && first_file && !asked.contains(&number) {
            problems.push(format!(
                "{}:1: в главе {number} нет вопроса «Что напечатает?» (<div class=\"quiz\">)",
                chapter.file
            ));
        }
    }
    problems
}

/// `{{#include ../listings/…}}` alone on a line: the path after `../`.
fn include_path(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix("{{#include ../")?
        .strip_suffix("}}")
        .filter(|path| path.starts_with("listings/"))
}

/// `src/ch05-01-lazy-futures.md` → 5.
fn chapter_number(file: &str) -> Option<u32> {
    file.strip_prefix("src/ch")?.get(..2)?.parse().ok()
}

/// Checks one question (lines `start..end` of `chapter`); returns its chapter's number.
fn question(
    root: &Path,
    chapter: &Chapter,
    start: usize,
    end: usize,
    shown: &BTreeSet<String>,
    problems: &mut Vec<String>,
) -> Option<u32> {
    let at = |line: usize| format!("{}:{}", chapter.file, line + 1);
    let lines = &chapter.lines;
    let Some(number) = lines[start]
        .split_once("data-listing=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(number, _)| number.to_owned())
    else {
        problems.push(format!(
            "{}: у вопроса нет data-listing=\"N-M\" (номер листинга)",
            at(start)
        ));
        return None;
    };
    let folder_name = number.split_once('-').and_then(|(c, i)| {
        Some(format!(
            "listing-{:02}-{:02}",
            c.parse::<u32>().ok()?,
            i.parse::<u32>().ok()?
        ))
    });
    let folder = folder_name.as_ref().and_then(|name| {
        let listings = fs::read_dir(root.join("listings")).ok()?;
        listings
            .filter_map(|e| e.ok())
            .map(|e| format!("listings/{}/{name}", e.file_name().to_string_lossy()))
            .find(|folder| root.join(folder).is_dir())
    });
    let Some(folder) = folder else {
        problems.push(format!("{}: листинга {number} нет в listings/", at(start)));
        return None;
    };
    if !lines[start + 1..end].iter().any(|l| {
        l.starts_with("<p class=\"quiz-question\">") && l.contains(&format!("листинг {number}"))
    }) {
        problems.push(format!(
            "{}: нет строки <p class=\"quiz-question\">…листинг {number}…</p>",
            at(start)
        ));
    }
    // The outputs the program may print: every output*.txt of the listing, or, for a
    // question on one language's program (data-language), the ones it may print.
    let language = lines[start]
        .split_once("data-language=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(language, _)| language);
    if language.is_some_and(|l| l != "python" && l != "rust") {
        problems.push(format!("{}: data-language — python или rust", at(start)));
    }
    let outputs: Vec<(String, String)> = fs::read_dir(root.join(&folder))
        .map(|dir| {
            let mut files: Vec<_> = dir
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with("output") && name.ends_with(".txt"))
                .collect();
            files.sort();
            files
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|name| language.is_none_or(|language| crate::may_print(name, language)))
        .filter_map(|name| {
            let text = fs::read_to_string(root.join(&folder).join(&name)).ok()?;
            Some((format!("{folder}/{name}"), text))
        })
        .collect();

    // Options: a ```text block after each <div class="quiz-option"…>.
    let mut keys = Vec::new();
    let mut options = 0;
    let mut line = start;
    while line < end {
        if !lines[line].starts_with(OPTION) {
            line += 1;
            continue;
        }
        options += 1;
        let is_key = lines[line].contains("data-key");
        let Some(open) = (line + 1..end).find(|&l| lines[l].starts_with("```")) else {
            problems.push(format!("{}: вариант без блока ```text", at(line)));
            break;
        };
        if lines[open] != "```text" {
            problems.push(format!(
                "{}: вариант — блок ```text, а не {}",
                at(open),
                lines[open]
            ));
        }
        let Some(close) = (open + 1..end).find(|&l| lines[l] == "```") else {
            problems.push(format!("{}: блок варианта не закрыт", at(open)));
            break;
        };
        let body = &lines[open + 1..close];
        if is_key {
            keys.push(options);
            match body {
                [include] => match include_path(include) {
                    Some(path)
                        if outputs.iter().any(|(file, _)| file == path) && shown.contains(path) => {}
                    Some(path) if outputs.iter().any(|(file, _)| file == path) => problems.push(format!(
                        "{}: ответ {path} книга нигде не показывает, значит, тесты его не проверяют",
                        at(open + 1)
                    )),
                    _ => problems.push(format!(
                        "{}: ответ — не вывод листинга {number}: нужен {{{{#include ../{folder}/output*.txt}}}}",
                        at(open + 1)
                    )),
                },
                _ => problems.push(format!(
                    "{}: ответ не перепечатывают: блок — одна строка {{{{#include ../{folder}/output*.txt}}}}",
                    at(open + 1)
                )),
            }
        } else {
            let mut text = body.join("\n");
            text.push('\n');
            if text.contains("{{#") {
                problems.push(format!(
                    "{}: неверный вариант включает файл; его пишет автор",
                    at(open + 1)
                ));
            }
            for (file, output) in &outputs {
                if output.trim_end() == text.trim_end() {
                    problems.push(format!(
                        "{}: «неверный» вариант {options} совпадает с {file}: программа может напечатать именно это",
                        at(open + 1)
                    ));
                }
            }
        }
        line = close + 1;
    }
    if !(3..=4).contains(&options) {
        problems.push(format!(
            "{}: вариантов {options}, а нужно 3 или 4",
            at(start)
        ));
    }
    if keys.len() != 1 {
        problems.push(format!(
            "{}: верных вариантов (data-key) {}, а нужен один",
            at(start),
            keys.len()
        ));
    }
    // The answer without JavaScript: «Вариант N — верно: …» / «— неверно: …», one per option.
    let whys: Vec<usize> = (start..end)
        .filter(|&l| lines[l].starts_with("<p class=\"quiz-why\">"))
        .collect();
    if lines[start..end]
        .iter()
        .all(|l| !l.starts_with("<details class=\"quiz-answer\">"))
    {
        problems.push(format!(
            "{}: нет <details class=\"quiz-answer\"> с ответом",
            at(start)
        ));
    }
    if whys.len() != options {
        problems.push(format!(
            "{}: разборов <p class=\"quiz-why\"> {}, а вариантов {options}",
            at(start),
            whys.len()
        ));
    }
    for (index, &why) in whys.iter().enumerate() {
        let verdict = if keys.contains(&(index + 1)) {
            "верно"
        } else {
            "неверно"
        };
        let want = format!("<p class=\"quiz-why\">Вариант {} — {verdict}: ", index + 1);
        if !lines[why].starts_with(&want) {
            problems.push(format!(
                "{}: разбор должен начинаться с «Вариант {} — {verdict}: »",
                at(why),
                index + 1
            ));
        }
    }
    chapter_number(&chapter.file)
}
