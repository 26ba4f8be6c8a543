//! The book's listings, run and compared with the output the book shows.
//!
//! `build.rs` writes one test per listing folder into `book_tests.rs`. Each
//! kind of listing has its module: `python` runs a Python program on every
//! interpreter the book promises, `rust` compiles and runs a Rust block (or
//! checks the diagnostic it is rejected with), `compare` holds a printed output
//! against the shown ones, `passed` lets a warm run skip what passed before,
//! and `bless` writes the outputs from real runs instead (`BOOK_BLESS=1`).

mod bless;
mod compare;
mod passed;
mod python;
mod rust;

include!(concat!(env!("OUT_DIR"), "/book_tests.rs"));

/// A block the book shows: where (`src/chapter.md:line`), from which file, and its text.
pub struct Shown {
    at: &'static str,
    file: &'static str,
    text: &'static str,
}

/// A Python block and the oldest promised Python it runs on (its caption's «Python 3.N+»).
pub struct PythonShown {
    shown: Shown,
    since: &'static str,
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
    folder: &'static str,
    python: Option<PythonShown>,
    rust: Option<RustShown>,
    outputs: &'static [Shown],
    rustc: Option<Shown>,
    panic: Option<Shown>,
}

fn assert_book_structure(problems: &[&str]) {
    assert!(
        problems.is_empty(),
        "книга собрана с ошибками:\n{}",
        problems.join("\n")
    );
}

fn check_listing(listing: &Listing) {
    if bless::is_on() {
        if let Err(e) = bless::bless(listing) {
            panic!("{}:\n{e}", listing.folder);
        }
        return;
    }
    let failures: Vec<String> = std::thread::scope(|scope| {
        let python = listing.python.as_ref().map(|python| {
            scope.spawn(|| python::check_python(python, &outputs_of(listing, "python")))
        });
        let rust = listing.rust.as_ref().map(|rust| {
            scope.spawn(|| rust::check_rust(listing, rust, &outputs_of(listing, "rust")))
        });
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
