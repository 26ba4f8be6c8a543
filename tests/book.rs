//! The book's listings, run and compared with the output the book shows.
//!
//! `build.rs` writes one test per listing folder into `book_tests.rs`; the
//! functions here do the running and comparing and word the failures.

use std::process::Command;
use std::sync::LazyLock;

use skeptic::rt::{SnippetReport, check_snippet_as, run_snippet_as};

include!(concat!(env!("OUT_DIR"), "/book_tests.rs"));

/// A block the book shows: where (`src/chapter.md:line`), from which file, and its text.
struct Shown {
    at: &'static str,
    file: &'static str,
    text: &'static str,
}

/// A Rust block, with the hidden lines put back, and its info string.
struct RustShown {
    shown: Shown,
    info: &'static str,
}

/// One folder in `listings/`: the programs it shows and the outputs shown after them.
/// `output*.txt` is what both programs may print; `output-python*.txt` and
/// `output-rust*.txt`, what only one of them may.
struct Listing {
    folder: &'static str,
    python: Option<Shown>,
    rust: Option<RustShown>,
    outputs: &'static [Shown],
}

/// What a Rust block's info string asks of it, as in rustdoc.
#[derive(Debug, PartialEq)]
enum Expect {
    Runs,
    Panics,
    /// The error codes (`E0373`) or lint names (`unused_must_use`) rustc must report.
    FailsToCompile(Vec<&'static str>),
}

/// Lints are errors: a reader who copies a listing gets no warnings.
const RUSTC_ARGS: &[&str] = &["-D", "warnings"];

fn assert_book_structure(problems: &[&str]) {
    assert!(
        problems.is_empty(),
        "книга собрана с ошибками:\n{}",
        problems.join("\n")
    );
}

fn check_listing(listing: &Listing) {
    let failures: Vec<String> = std::thread::scope(|scope| {
        let python = listing
            .python
            .as_ref()
            .map(|python| scope.spawn(|| check_python(python, &outputs_of(listing, "rust"))));
        let rust = listing
            .rust
            .as_ref()
            .map(|rust| scope.spawn(|| check_rust(rust, &outputs_of(listing, "python"))));
        [python, rust]
            .into_iter()
            .flatten()
            .filter_map(|check| check.join().unwrap().err())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{}:\n{}",
        listing.folder,
        failures.join("\n\n")
    );
}

/// The outputs a program may print: all but those named for the other language.
fn outputs_of<'a>(listing: &'a Listing, other_language: &str) -> Vec<&'a Shown> {
    let other = format!("/output-{other_language}");
    listing
        .outputs
        .iter()
        .filter(|output| !output.file.contains(&other))
        .collect()
}

/// The interpreter `python3` stands for, asked once: a version manager's shim
/// (pyenv) costs about 0.1 s of CPU on every call, and the book has 30 programs.
static PYTHON: LazyLock<String> = LazyLock::new(|| {
    Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| "python3".to_owned())
});

fn check_python(python: &Shown, outputs: &[&Shown]) -> Result<(), String> {
    let output = Command::new(PYTHON.as_str())
        .arg(python.file)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .map_err(|e| {
            format!(
                "{}: не удалось запустить python3 {}: {e}",
                python.at, python.file
            )
        })?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || !stderr.is_empty() {
        return Err(format!(
            "{}: {} завершилась с {} и напечатала в stderr:\n{stderr}",
            python.at, python.file, output.status
        ));
    }
    compare(python, &stdout, outputs)
}

fn check_rust(rust: &RustShown, outputs: &[&Shown]) -> Result<(), String> {
    let shown = &rust.shown;
    let expect = expectation(rust)?;
    let root = env!("CARGO_MANIFEST_DIR");
    let report = match expect {
        Expect::FailsToCompile(_) => check_snippet_as(
            root,
            env!("OUT_DIR"),
            TARGET,
            shown.text,
            shown.file,
            RUSTC_ARGS,
        ),
        _ => run_snippet_as(
            root,
            env!("OUT_DIR"),
            TARGET,
            shown.text,
            shown.file,
            RUSTC_ARGS,
        ),
    };
    let SnippetReport {
        compiled,
        rustc_stderr,
        exit_ok,
        stdout,
        stderr,
    } = report;
    match (expect, compiled, exit_ok) {
        (Expect::FailsToCompile(codes), false, _) => {
            let missing: Vec<_> = codes
                .iter()
                .filter(|code| !reports(&rustc_stderr, code))
                .collect();
            if missing.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "{}: {} не компилируется, как и ожидалось, но без ошибки {missing:?}:\n{rustc_stderr}",
                    shown.at, shown.file
                ))
            }
        }
        (Expect::FailsToCompile(_), true, _) => Err(format!(
            "{}: {} помечен compile_fail, но компилируется",
            shown.at, shown.file
        )),
        (_, false, _) => Err(format!(
            "{}: {} не компилируется:\n{rustc_stderr}",
            shown.at, shown.file
        )),
        (Expect::Runs, true, Some(false)) => Err(format!(
            "{}: {} завершилась с ошибкой:\n{stderr}",
            shown.at, shown.file
        )),
        (Expect::Panics, true, Some(true)) => Err(format!(
            "{}: {} помечен should_panic, но завершилась успешно",
            shown.at, shown.file
        )),
        (Expect::Runs, true, Some(true)) if !stderr.is_empty() => Err(format!(
            "{}: {} печатает в stderr:\n{stderr}",
            shown.at, shown.file
        )),
        (_, true, _) => compare(shown, &stdout, outputs),
    }
}

/// The info string of a Rust block: `rust`, then `should_panic` or
/// `compile_fail` with the error codes or denied lints rustc must report
/// (`compile_fail,E0752`, `compile_fail,unused_must_use`).
fn expectation(rust: &RustShown) -> Result<Expect, String> {
    let mut expect = Expect::Runs;
    for word in rust
        .info
        .split([',', ' '])
        .skip(1)
        .filter(|word| !word.is_empty())
    {
        expect = match (word, expect) {
            ("should_panic", Expect::Runs) => Expect::Panics,
            ("compile_fail", Expect::Runs) => Expect::FailsToCompile(Vec::new()),
            (code, Expect::FailsToCompile(mut codes)) if is_error_code(code) || is_lint(code) => {
                codes.push(code);
                Expect::FailsToCompile(codes)
            }
            _ => {
                return Err(format!(
                    "{}: `{}`: тесты книги понимают только rust, should_panic и compile_fail с кодами ошибок или линтами",
                    rust.shown.at, rust.info
                ));
            }
        };
    }
    Ok(expect)
}

fn is_error_code(word: &str) -> bool {
    word.len() == 5 && word.starts_with('E') && word[1..].bytes().all(|b| b.is_ascii_digit())
}

fn is_lint(word: &str) -> bool {
    word.contains('_') && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// rustc names an error `error[E0373]`, and a lint denied by `-D warnings`
/// `-D unused-must-use` in its note.
fn reports(rustc_stderr: &str, code: &str) -> bool {
    rustc_stderr.contains(&format!("error[{code}]"))
        || rustc_stderr.contains(&format!("-D {}", code.replace('_', "-")))
}

/// stdout must equal one of the outputs the book shows (several when the OS
/// decides the order), or be empty when the book shows none.
fn compare(program: &Shown, stdout: &str, outputs: &[&Shown]) -> Result<(), String> {
    if outputs.iter().any(|output| output.text == stdout)
        || (outputs.is_empty() && stdout.is_empty())
    {
        return Ok(());
    }
    let shown = if outputs.is_empty() {
        "книга не показывает вывода, значит, программа должна молчать".to_owned()
    } else {
        outputs
            .iter()
            .map(|output| format!("--- {} ({}):\n{}", output.file, output.at, output.text))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Err(format!(
        "{}: {} печатает не то, что показано в книге.\n+++ напечатала:\n{stdout}\n{shown}",
        program.at, program.file
    ))
}

#[test]
fn expectation_reads_rustdoc_attributes() {
    let rust = |info| RustShown {
        shown: Shown {
            at: "x.md:1",
            file: "main.rs",
            text: "",
        },
        info,
    };
    assert_eq!(expectation(&rust("rust")), Ok(Expect::Runs));
    assert_eq!(expectation(&rust("rust,should_panic")), Ok(Expect::Panics));
    assert_eq!(
        expectation(&rust("rust,compile_fail,E0752")),
        Ok(Expect::FailsToCompile(vec!["E0752"]))
    );
    assert!(expectation(&rust("rust,ignore")).is_err());
    assert_eq!(
        expectation(&rust("rust,compile_fail,unused_must_use")),
        Ok(Expect::FailsToCompile(vec!["unused_must_use"]))
    );
    assert!(expectation(&rust("rust,E0752")).is_err());
    assert!(expectation(&rust("rust,should_panic,E0752")).is_err());
}

#[test]
fn compare_accepts_only_the_shown_outputs() {
    let program = Shown {
        at: "x.md:1",
        file: "main.py",
        text: "",
    };
    let outputs = [
        Shown {
            at: "x.md:5",
            file: "output.txt",
            text: "a\nb\n",
        },
        Shown {
            at: "x.md:9",
            file: "output-2.txt",
            text: "b\na\n",
        },
    ];
    let outputs: Vec<&Shown> = outputs.iter().collect();
    assert!(compare(&program, "a\nb\n", &outputs).is_ok());
    assert!(compare(&program, "b\na\n", &outputs).is_ok());
    assert!(compare(&program, "a\n", &outputs).is_err());
    assert!(compare(&program, "", &[]).is_ok());
    assert!(compare(&program, "a\n", &[]).is_err());
}
