//! Listings that are test modules, not programs (section 6.6). A Rust block
//! marked `rust,test_harness` (rustdoc's attribute for «compile with
//! `--test`») is compiled as `cargo test` compiles it, with the book's crates
//! and `-D warnings`, and its tests run one at a time, so that the report
//! lists them in name order; the Python program of the same listing runs as
//! `python3 -m unittest main.py` in the listing's folder. What is compared
//! with the shown outputs is the runner's report (libtest's on stdout,
//! unittest's on stderr), its timings normalised; a test that fails fails
//! the listing.

use std::path::Path;
use std::process::{Command, Output};

use skeptic::rt::SnippetReport;

use crate::compare::compare;
use crate::{Listing, Shown};

/// The word in a Rust block's info string that makes its listing a test module.
pub const ATTRIBUTE: &str = "test_harness";

pub fn is_test_module(listing: &Listing) -> bool {
    listing
        .rust
        .as_ref()
        .is_some_and(|rust| rust.info.split([',', ' ']).any(|word| word == ATTRIBUTE))
}

/// Makes `command` (a Python interpreter) run `file`'s tests as
/// `python3 -m unittest main.py` in its folder.
pub fn unittest(command: &mut Command, file: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    command
        .args(["-m", "unittest"])
        .arg(file.file_name().unwrap())
        .current_dir(file.parent().unwrap());
}

/// unittest's report (it writes it to stderr), normalised, when every test passed.
pub fn python_report(shown: &Shown, release: &str, output: &Output) -> Result<String, String> {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!(
            "{}: {}: тесты не прошли на Python {release} ({}):\n{stderr}{stdout}",
            shown.at, shown.file, output.status
        ));
    }
    if !stdout.is_empty() {
        return Err(format!(
            "{}: {}: тесты на Python {release} печатают в stdout (unittest пишет отчёт в stderr, а тест должен молчать):\n{stdout}",
            shown.at, shown.file
        ));
    }
    Ok(normalise(&stderr))
}

/// libtest's report, normalised, when every test passed.
pub fn rust_report(shown: &Shown, report: &SnippetReport) -> Result<String, String> {
    if report.exit_ok != Some(true) {
        return Err(format!(
            "{}: {}: тесты не прошли:\n{}{}",
            shown.at, shown.file, report.stdout, report.stderr
        ));
    }
    if !report.stderr.is_empty() {
        return Err(format!(
            "{}: {}: тесты печатают в stderr:\n{}",
            shown.at, shown.file, report.stderr
        ));
    }
    Ok(normalise(&report.stdout))
}

/// A normalised report must equal one of the shown outputs, normalised too.
pub fn compare_report(program: &Shown, report: &str, outputs: &[&Shown]) -> Result<(), String> {
    if outputs
        .iter()
        .any(|output| normalise(output.text) == report)
    {
        return Ok(());
    }
    compare(program, report, outputs)
}

/// A report as the book shows it: without the blank lines around it, and
/// with the time it took fixed (`finished in 0.00s`, `Ran 2 tests in
/// 0.000s`), since that changes from run to run. For the same reason it
/// drops asyncio's `Executing <Task …> took 0.195 seconds`: the debug mode
/// `IsolatedAsyncioTestCase` runs in logs every step slower than 0.1 s, and
/// on a loaded machine any step can be (the log line may start after
/// unittest's dots).
pub fn normalise(report: &str) -> String {
    let report = without_slow_steps(report);
    let mut lines: Vec<String> = Vec::new();
    for line in report.trim_matches('\n').lines() {
        let line = if line.starts_with("test result: ") {
            timing_fixed(line, "; finished in ", "0.00")
        } else if line.starts_with("Ran ") {
            timing_fixed(line, " in ", "0.000")
        } else {
            line.to_owned()
        };
        lines.push(line);
    }
    lines.iter().map(|line| format!("{line}\n")).collect()
}

fn without_slow_steps(report: &str) -> String {
    let mut kept = String::new();
    let mut rest = report;
    while let Some(start) = rest.find("Executing <") {
        let end = rest[start..]
            .find('\n')
            .map_or(rest.len(), |n| start + n + 1);
        let is_slow_step = rest[start..end]
            .trim_end()
            .rsplit_once("> took ")
            .and_then(|(_, took)| took.strip_suffix(" seconds"))
            .is_some_and(|seconds| seconds.parse::<f64>().is_ok());
        kept.push_str(&rest[..start]);
        if !is_slow_step {
            kept.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    kept.push_str(rest);
    kept
}

/// `…<marker>0.123s` → `…<marker><seconds>s`: only a number of seconds that
/// ends the line after `marker` is replaced.
fn timing_fixed(line: &str, marker: &str, seconds: &str) -> String {
    let Some((before, time)) = line.rsplit_once(marker) else {
        return line.to_owned();
    };
    let is_seconds = time
        .strip_suffix('s')
        .is_some_and(|number| !number.is_empty() && number.parse::<f64>().is_ok());
    if is_seconds {
        format!("{before}{marker}{seconds}s")
    } else {
        line.to_owned()
    }
}

/// A unit test of the harness (`UNIT_TESTS` in `main.rs`).
pub fn normalise_fixes_timings_only() {
    let libtest = "\nrunning 1 test\ntest tests::a ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.27s\n\n";
    assert_eq!(
        normalise(libtest),
        "running 1 test\ntest tests::a ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n"
    );
    let unittest = "..\n------\nRan 2 tests in 0.233s\n\nOK\n";
    assert_eq!(
        normalise(unittest),
        "..\n------\nRan 2 tests in 0.000s\n\nOK\n"
    );
    assert_eq!(normalise(&normalise(unittest)), normalise(unittest));
    let slow = "Executing <Task pending name='Task-1' coro=<f() running at x.py:9> created at y.py:1> took 0.195 seconds\n..\n";
    assert_eq!(normalise(slow), "..\n");
    let after_dots =
        "..Executing <Task pending coro=<g()> created at z.py:2> took 0.139 seconds\n\n---\n";
    assert_eq!(normalise(after_dots), "..\n---\n");
    // a test's own line that happens to look alike is left alone
    assert_eq!(normalise("Ran away in 3 s\n"), "Ran away in 3 s\n");
}
