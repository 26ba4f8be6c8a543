//! Rust listings: compiled and run by skeptic exactly as the page shows them
//! (hidden lines included), or, for `compile_fail` and `should_panic`, checked to
//! fail with the diagnostic the book shows under them.

use skeptic::rt::{SnippetReport, check_snippet_as, run_snippet_as, test_snippet_as};

use crate::compare::compare;
use crate::passed::Key;
use crate::{Listing, RustShown, Shown, TARGET, diagnostic as shown_diagnostic, testmod};

/// What a Rust block's info string asks of it, as in rustdoc.
#[derive(Debug, PartialEq)]
pub enum Expect {
    Runs,
    Panics,
    /// `test_harness`: a test module whose tests must pass (`tests/book/testmod.rs`).
    Tests,
    /// The error codes (`E0373`) or lint names (`unused_must_use`) rustc must report.
    FailsToCompile(Vec<&'static str>),
}

/// Lints are errors: a reader who copies a listing gets no warnings.
const RUSTC_ARGS: &[&str] = &["-D", "warnings"];

pub fn check_rust(listing: &Listing, rust: &RustShown, outputs: &[&Shown]) -> Result<(), String> {
    let shown = &rust.shown;
    let expect = expectation(rust)?;
    let diagnostic = diagnostic_shown(listing, rust, &expect)?;
    let mut inputs = vec![shown.file, shown.text, rust.info];
    inputs.extend(outputs.iter().map(|output| output.text));
    inputs.extend(diagnostic.map(|shown| shown.text));
    let key = Key::of(format!("rust {}", shown.file), &inputs);
    if key.passed_before() {
        return Ok(());
    }
    verdict(shown, expect, diagnostic, outputs)?;
    key.remember();
    Ok(())
}

/// Compiles and runs a Rust block, or only type-checks a rejected one.
pub fn report(shown: &Shown, expect: &Expect) -> SnippetReport {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = match expect {
        Expect::FailsToCompile(_) => check_snippet_as,
        Expect::Tests => test_snippet_as,
        Expect::Runs | Expect::Panics => run_snippet_as,
    };
    run(
        root,
        env!("OUT_DIR"),
        TARGET,
        shown.text,
        shown.file,
        RUSTC_ARGS,
    )
}

/// What happened to a Rust block, held to what the book shows.
fn verdict(
    shown: &Shown,
    expect: Expect,
    diagnostic: Option<&Shown>,
    outputs: &[&Shown],
) -> Result<(), String> {
    let report = report(shown, &expect);
    if expect == Expect::Tests && report.compiled {
        let printed = testmod::rust_report(shown, &report)?;
        return testmod::compare_report(shown, &printed, outputs);
    }
    let SnippetReport {
        compiled,
        rustc_stderr,
        exit_ok,
        stdout,
        stderr,
    } = report;
    match (expect, compiled, exit_ok) {
        (Expect::FailsToCompile(codes), false, _) => {
            let missing_codes: Vec<_> = codes
                .iter()
                .filter(|code| !reports(&rustc_stderr, code))
                .collect();
            if !missing_codes.is_empty() {
                return Err(format!(
                    "{}: {} не компилируется, как и ожидалось, но без ошибки {missing_codes:?}:\n{rustc_stderr}",
                    shown.at, shown.file
                ));
            }
            shows_diagnostic(
                shown,
                diagnostic,
                &shown_diagnostic::rustc(&rustc_stderr),
                "rustc печатает",
            )
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
        (Expect::Panics, true, _) => {
            shows_diagnostic(
                shown,
                diagnostic,
                &shown_diagnostic::panic(&stderr),
                "программа печатает в stderr",
            )?;
            compare(shown, &stdout, outputs)
        }
        (Expect::Runs, true, Some(true)) if !stderr.is_empty() => Err(format!(
            "{}: {} печатает в stderr:\n{stderr}",
            shown.at, shown.file
        )),
        (_, true, _) => compare(shown, &stdout, outputs),
    }
}

/// A rejected listing shows what rejects it: `rustc.txt` under a
/// `compile_fail` block, `panic.txt` under a `should_panic` one; a listing
/// that runs shows neither.
pub fn diagnostic_shown<'a>(
    listing: &'a Listing,
    rust: &RustShown,
    expect: &Expect,
) -> Result<Option<&'a Shown>, String> {
    let at = rust.shown.at;
    let folder = listing.folder;
    match (expect, &listing.rustc, &listing.panic) {
        (Expect::FailsToCompile(_), Some(rustc), None) => Ok(Some(rustc)),
        (Expect::Panics, None, Some(panic)) => Ok(Some(panic)),
        (Expect::Runs | Expect::Tests, None, None) => Ok(None),
        (Expect::FailsToCompile(_), _, _) => Err(format!(
            "{at}: блок помечен compile_fail: покажите под ним {folder}/rustc.txt — сообщение компилятора (ci/bless.sh его запишет)"
        )),
        (Expect::Panics, _, _) => Err(format!(
            "{at}: блок помечен should_panic: покажите под ним {folder}/panic.txt — сообщение о панике (ci/bless.sh его запишет)"
        )),
        (Expect::Runs | Expect::Tests, rustc, panic) => {
            let extra = rustc.as_ref().or(panic.as_ref()).unwrap();
            Err(format!(
                "{}: {} показан, но блок {at} не помечен ни compile_fail, ни should_panic",
                extra.at, extra.file
            ))
        }
    }
}

/// `normalised`: rustc's diagnostic or the panic, as `tests/book/diagnostic.rs` shows it.
fn shows_diagnostic(
    shown: &Shown,
    diagnostic: Option<&Shown>,
    normalised: &str,
    who: &str,
) -> Result<(), String> {
    match diagnostic {
        Some(diagnostic) => shown_diagnostic::check(diagnostic, shown, normalised, who),
        None => Ok(()),
    }
}

/// The info string of a Rust block: `rust`, then `should_panic` or
/// `compile_fail` with the error codes or denied lints rustc must report
/// (`compile_fail,E0752`, `compile_fail,unused_must_use`).
pub fn expectation(rust: &RustShown) -> Result<Expect, String> {
    let mut expect = Expect::Runs;
    for word in rust
        .info
        .split([',', ' '])
        .skip(1)
        .filter(|word| !word.is_empty())
    {
        expect = match (word, expect) {
            ("should_panic", Expect::Runs) => Expect::Panics,
            (testmod::ATTRIBUTE, Expect::Runs) => Expect::Tests,
            ("compile_fail", Expect::Runs) => Expect::FailsToCompile(Vec::new()),
            (code, Expect::FailsToCompile(mut codes)) if is_error_code(code) || is_lint(code) => {
                codes.push(code);
                Expect::FailsToCompile(codes)
            }
            _ => {
                return Err(format!(
                    "{}: `{}`: тесты книги понимают только rust, should_panic, test_harness и compile_fail с кодами ошибок или линтами",
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

/// A unit test of the harness (`UNIT_TESTS` in `main.rs`).
pub fn expectation_reads_rustdoc_attributes() {
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
    assert_eq!(expectation(&rust("rust,test_harness")), Ok(Expect::Tests));
    assert!(expectation(&rust("rust,test_harness,should_panic")).is_err());
}
