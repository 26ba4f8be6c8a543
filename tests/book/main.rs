//! The book's listings, run and compared with the output the book shows.
//!
//! A test binary without libtest's harness: it reads the book when it runs
//! (`book`: mdBook expands it, `lints` find what is wrong in it, `versions`
//! holds the preface's table to `Cargo.toml` and `Cargo.lock`, `listings`
//! makes one test per listing folder), so editing a chapter or a listing
//! recompiles nothing. Each kind of listing has its module: `python` runs a
//! Python program on every interpreter the book promises (`packages` gives one
//! that names third-party packages in its first line an environment with
//! them), `rust` compiles and
//! runs a Rust block (or checks the diagnostic it is rejected with), `compare`
//! holds a printed output against the shown ones, `testmod` runs listings
//! that are test modules (`rust,test_harness`), `passed` lets a warm run skip
//! what passed before, and `bless` writes the outputs from real runs instead
//! (`BOOK_BLESS=1`); `quiz` checks the «Что напечатает?» questions. Filters
//! and flags are libtest's: `cargo test -- listing_05_07`.

mod bless;
mod book;
mod compare;
mod diagnostic;
mod extension;
mod lints;
mod listings;
mod markdown;
mod packages;
mod passed;
mod python;
mod quiz;
mod reader_deps;
mod rust;
mod testmod;
mod versions;

use std::path::Path;
use std::sync::OnceLock;

use extension::ExtensionShown;
use libtest_mimic::{Arguments, Failed, Trial};

/// The target the tests were built for (`build.rs`); skeptic builds the Rust listings for it.
const TARGET: &str = env!("BOOK_TARGET");

static PYTHONS: OnceLock<Vec<String>> = OnceLock::new();

/// The Python versions the book promises, oldest first.
fn pythons() -> &'static [String] {
    PYTHONS
        .get()
        .expect("the book is read before any test runs")
}

fn main() {
    let mut arguments = Arguments::from_args();
    // Most listings wait (sleeps, servers), so twice as many threads as cores keep
    // the cores busy: a cold run took 89 s with one per core, 73 s with two
    // (2 cores). `--test-threads` or RUST_TEST_THREADS, as libtest reads it, decide.
    if arguments.test_threads.is_none() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        arguments.test_threads = Some(match std::env::var("RUST_TEST_THREADS") {
            Ok(n) => n
                .parse()
                .unwrap_or_else(|_| panic!("RUST_TEST_THREADS={n}: ожидалось число потоков")),
            Err(_) => 2 * cores,
        });
    }
    let book = book::read(Path::new(env!("CARGO_MANIFEST_DIR")));
    PYTHONS.set(book.pythons).unwrap();
    let problems = book.problems;
    let preface = book.preface;
    let mut trials = vec![
        Trial::test("book_structure", move || book_structure(&problems)),
        Trial::test("reader_deps", move || {
            reader_deps::check(Path::new(env!("CARGO_MANIFEST_DIR")), &preface)
                .map_err(Failed::from)
        }),
    ];
    trials.extend(
        book.listings
            .into_iter()
            .map(|listing| Trial::test(listing.name.clone(), move || check_listing(&listing))),
    );
    trials.extend(UNIT_TESTS.iter().map(|&(name, test)| {
        Trial::test(name, move || {
            test();
            Ok(())
        })
    }));
    libtest_mimic::run(&arguments, trials).exit();
}

/// The harness's own unit tests, run as the tests `unit::…`: libtest-mimic
/// runs no `#[test]` function.
const UNIT_TESTS: &[(&str, fn())] = &[
    (
        "unit::compare_accepts_only_the_shown_outputs",
        compare::compare_accepts_only_the_shown_outputs,
    ),
    (
        "unit::rustc_keeps_the_diagnostic_and_hides_the_machine",
        diagnostic::rustc_keeps_the_diagnostic_and_hides_the_machine,
    ),
    (
        "unit::panic_keeps_the_message_only",
        diagnostic::panic_keeps_the_message_only,
    ),
    (
        "unit::expectation_reads_rustdoc_attributes",
        rust::expectation_reads_rustdoc_attributes,
    ),
    (
        "unit::normalise_fixes_timings_only",
        testmod::normalise_fixes_timings_only,
    ),
];

/// A block the book shows: where (`src/chapter.md:line`), from which file, and its text.
pub struct Shown {
    at: &'static str,
    file: &'static str,
    text: &'static str,
}

/// A Python block, the oldest promised Python it runs on (its caption's
/// «Python 3.N+») and the extension module of its chapter folder, which it may import.
pub struct PythonShown {
    shown: Shown,
    since: &'static str,
    imports: Option<&'static ExtensionShown>,
}

/// A Rust block, with the hidden lines put back, and its info string.
pub struct RustShown {
    shown: Shown,
    info: &'static str,
}

/// One folder in `listings/`: the programs it shows and the outputs shown after them.
/// `output*.txt` is what both programs may print; `output-python*.txt` and
/// `output-rust*.txt`, what only one of them may. `rustc.txt` and `panic.txt`:
/// what rejects its Rust block.
pub struct Listing {
    /// The test's name: the folder's, with `_` for `-`.
    name: String,
    folder: &'static str,
    python: Option<PythonShown>,
    rust: Option<RustShown>,
    /// The extension module for Python this folder is (`Cargo.toml` and `src/lib.rs`).
    extension: Option<&'static ExtensionShown>,
    outputs: Vec<Shown>,
    rustc: Option<Shown>,
    panic: Option<Shown>,
}

fn book_structure(problems: &[String]) -> Result<(), Failed> {
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!("книга собрана с ошибками:\n{}", problems.join("\n")).into())
}

fn check_listing(listing: &Listing) -> Result<(), Failed> {
    if bless::is_on() {
        return bless::bless(listing).map_err(|e| format!("{}:\n{e}", listing.folder).into());
    }
    let tests = testmod::is_test_module(listing);
    let failures: Vec<String> = std::thread::scope(|scope| {
        // a panic.txt beside a Python program and no Rust one: the panic of the module it imports
        let panic = listing
            .rust
            .is_none()
            .then_some(listing.panic.as_ref())
            .flatten();
        let python = listing.python.as_ref().map(|python| {
            scope.spawn(move || {
                python::check_python(python, &outputs_of(listing, "python"), panic, tests)
            })
        });
        // an extension no Python listing of its folder imports is still built
        let extension = listing
            .extension
            .filter(|_| listing.python.is_none())
            .map(|extension| scope.spawn(move || extension::importable(extension).map(drop)));
        let rust = listing.rust.as_ref().map(|rust| {
            scope.spawn(|| rust::check_rust(listing, rust, &outputs_of(listing, "rust")))
        });
        [python, rust, extension]
            .into_iter()
            .flatten()
            .filter_map(|check| check.join().unwrap().err())
            .collect()
    });
    if failures.is_empty() {
        return Ok(());
    }
    Err(format!("{}:\n{}", listing.folder, failures.join("\n\n")).into())
}

/// The outputs the program in `language` may print.
fn outputs_of<'a>(listing: &'a Listing, language: &str) -> Vec<&'a Shown> {
    listing
        .outputs
        .iter()
        .filter(|output| may_print(output.file, language))
        .collect()
}

/// `output*.txt` is for both programs, `output-python*.txt` and
/// `output-rust*.txt` only for the one they name.
fn may_print(output_file: &str, language: &str) -> bool {
    let name = output_file.rsplit('/').next().unwrap_or(output_file);
    !(name.starts_with("output-python") || name.starts_with("output-rust"))
        || name.starts_with(&format!("output-{language}"))
}
