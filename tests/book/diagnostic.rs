//! What rejects a listing, as the book shows it under the listing: rustc's
//! whole diagnostic in `rustc.txt` (code, message, spans with their labels,
//! notes and help), the panic in `panic.txt`. Each must equal what rustc or
//! the program prints today, normalised only where it must be:
//!
//! - paths outside the repository: a crate in cargo's registry
//!   (`/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/…`)
//!   becomes `~/.cargo/registry/src/…/tokio-1.54.1/…`, the standard library
//!   (`/rustc/<commit>/library/…`, or a rust-src copy under the sysroot)
//!   `/rustc/…/library/…`; the listing's own path is already relative
//!   (skeptic's `--remap-path-prefix`);
//! - rustc's closing lines are dropped: `error: aborting due to …` only
//!   counts the errors shown above it, and `For more information about this
//!   error, try rustc --explain …` / `Some errors have detailed explanations`
//!   point at the error index, not at the listing;
//! - a panic: only the message (`thread 'main' panicked at …:` and what
//!   follows, up to the backtrace note), without the thread id that Rust
//!   1.89+ prints and older ones do not.
//!
//! A change in rustc's wording, a span or a label therefore fails the test;
//! `ci/bless.sh` writes the new text.

use crate::Shown;

/// rustc's diagnostic as the book shows it.
pub fn rustc(stderr: &str) -> String {
    let kept: Vec<String> = stderr
        .lines()
        .filter(|line| {
            !(line.starts_with("error: aborting due to")
                || line.starts_with("For more information about this error, try `rustc --explain")
                || line.starts_with("For more information about an error, try `rustc --explain")
                || line.starts_with("Some errors have detailed explanations: "))
        })
        .map(outside_paths)
        .collect();
    tidy(&kept)
}

/// A panic as the book shows it: from `thread '…' panicked at` on, without
/// the thread id and the backtrace. What the program wrote to stderr before
/// is kept.
pub fn panic(stderr: &str) -> String {
    let kept: Vec<String> = stderr
        .lines()
        .take_while(|line| {
            !line.starts_with("note: run with `RUST_BACKTRACE=") && *line != "stack backtrace:"
        })
        .map(|line| outside_paths(&without_thread_id(line)))
        .collect();
    tidy(&kept)
}

/// The shown diagnostic must equal the normalised one; the error shows both
/// from the first line that differs.
pub fn check(
    diagnostic: &Shown,
    program: &Shown,
    normalised: &str,
    who: &str,
) -> Result<(), String> {
    if diagnostic.text == normalised {
        return Ok(());
    }
    let shown: Vec<&str> = diagnostic.text.lines().collect();
    let printed: Vec<&str> = normalised.lines().collect();
    let first = shown
        .iter()
        .zip(&printed)
        .take_while(|(a, b)| a == b)
        .count();
    Err(format!(
        "{}: {} ({}): {who} не то, что показано в {} (первая разница — строка {}; ci/bless.sh перепишет файл):\n--- показано:\n{}\n+++ напечатано (после нормализации):\n{}",
        diagnostic.at,
        program.file,
        program.at,
        diagnostic.file,
        first + 1,
        diagnostic.text,
        normalised
    ))
}

/// Without the blank lines around, each line without trailing spaces, one
/// newline at the end.
fn tidy(lines: &[String]) -> String {
    let lines: Vec<&str> = lines.iter().map(|line| line.trim_end()).collect();
    let start = lines.iter().position(|line| !line.is_empty());
    let end = lines.iter().rposition(|line| !line.is_empty());
    match (start, end) {
        (Some(start), Some(end)) => lines[start..=end]
            .iter()
            .map(|line| format!("{line}\n"))
            .collect(),
        _ => String::new(),
    }
}

/// `thread 'main' (25253) panicked at` → `thread 'main' panicked at`.
fn without_thread_id(line: &str) -> String {
    let Some(rest) = line.strip_prefix("thread '") else {
        return line.to_owned();
    };
    let Some((name, after)) = rest.split_once("' (") else {
        return line.to_owned();
    };
    match after.split_once(") panicked at") {
        Some((id, tail)) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
            format!("thread '{name}' panicked at{tail}")
        }
        _ => line.to_owned(),
    }
}

/// Paths outside the repository, the same on every machine.
fn outside_paths(line: &str) -> String {
    let mut line = line.to_owned();
    for (marker, keep, replacement) in [
        // …/registry/src/<index>/crate-x.y.z/…
        ("/registry/src/", 1, "~/.cargo/registry/src/…/"),
        // <sysroot>/lib/rustlib/src/rust/library/…
        ("/lib/rustlib/src/rust/", 0, "/rustc/…/"),
    ] {
        while let Some(at) = line.find(marker) {
            let start = path_start(&line, at);
            // skip the marker and `keep` more components (the index folder)
            let mut end = at + marker.len();
            for _ in 0..keep {
                match line[end..].find('/') {
                    Some(slash) => end += slash + 1,
                    None => break,
                }
            }
            if line[start..end] == *replacement {
                break;
            }
            line.replace_range(start..end, replacement);
        }
    }
    // /rustc/<commit>/library/… (the standard library without rust-src)
    let mut from = 0;
    while let Some(at) = line[from..].find("/rustc/").map(|at| from + at) {
        let hash: String = line[at + 7..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect();
        if hash.len() == 40 && line[at + 7 + 40..].starts_with('/') {
            line.replace_range(at + 7..at + 7 + 40, "…");
        }
        from = at + 7;
    }
    line
}

/// Where the path that contains byte `at` begins: after a space, a backtick,
/// `(`, `@` or the line's start.
fn path_start(line: &str, at: usize) -> usize {
    line[..at]
        .rfind([' ', '`', '(', '@'])
        .map_or(0, |before| before + 1)
}

/// A unit test of the harness (`UNIT_TESTS` in `main.rs`).
pub fn rustc_keeps_the_diagnostic_and_hides_the_machine() {
    let stderr = "error: future cannot be sent between threads safely\n   --> listings/x/main.rs:6:16\n    |\nnote: required by a bound in `tokio::spawn`\n   --> /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/task/spawn.rs:176:21\n  --> /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/std/src/thread/scoped.rs:203:34\n\nerror: aborting due to 1 previous error\n\nFor more information about this error, try `rustc --explain E0373`.\n";
    assert_eq!(
        rustc(stderr),
        "error: future cannot be sent between threads safely\n   --> listings/x/main.rs:6:16\n    |\nnote: required by a bound in `tokio::spawn`\n   --> ~/.cargo/registry/src/…/tokio-1.54.1/src/task/spawn.rs:176:21\n  --> /rustc/…/library/std/src/thread/scoped.rs:203:34\n"
    );
    assert_eq!(rustc(&rustc(stderr)), rustc(stderr));
    assert_eq!(
        outside_paths(
            "--> /usr/local/rustup/toolchains/1.95-x86_64/lib/rustlib/src/rust/library/core/src/a.rs:1:1"
        ),
        "--> /rustc/…/library/core/src/a.rs:1:1"
    );
}

/// A unit test of the harness (`UNIT_TESTS` in `main.rs`).
pub fn panic_keeps_the_message_only() {
    let stderr = "\nthread 'main' (25253) panicked at /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/task/local.rs:445:29:\n`spawn_local` called from outside\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
    let shown = "thread 'main' panicked at ~/.cargo/registry/src/…/tokio-1.54.1/src/task/local.rs:445:29:\n`spawn_local` called from outside\n";
    assert_eq!(panic(stderr), shown);
    assert_eq!(
        panic(&stderr.replace(
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
            "stack backtrace:\n   0: x"
        )),
        shown
    );
    assert_eq!(panic(shown), shown);
}
