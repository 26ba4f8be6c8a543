//! Writes `book_tests.rs` for `tests/book/`: one test per listing folder and
//! `book_structure`, which fails with every problem the lints found.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::lints::{Check, Role, Shown};
use crate::markdown::rust_program;

impl Check {
    /// Rust source for `tests/book.rs`: one test per listing folder and `book_structure`.
    pub fn emit(&self, target: &str) -> String {
        let mut out = String::new();
        writeln!(out, "const TARGET: &str = {target:?};").unwrap();
        writeln!(out, "const RUSTC_VERSION: &str = {:?};", rustc_version()).unwrap();
        writeln!(out, "const PYTHONS: &[&str] = &{:?};\n", self.pythons).unwrap();
        writeln!(
            out,
            "#[test]\nfn book_structure() {{\n    assert_book_structure(&{:?});\n}}",
            self.problems
        )
        .unwrap();
        let mut names = BTreeSet::new();
        for (folder, shown) in &self.listings {
            let name = folder.rsplit('/').next().unwrap().replace('-', "_");
            assert!(
                names.insert(name.clone()),
                "{folder}: a second listing folder is named {name}"
            );
            let find = |role| shown.iter().find(|block| block.role == role);
            let python = find(Role::Python).map(|block| {
                let since = block.python_since.as_ref().unwrap_or(&self.pythons[0]);
                format!(
                    "Some(PythonShown {{ shown: {}, since: {since:?} }})",
                    shown_literal(block)
                )
            });
            let diagnostic = |role| {
                find(role).map_or("None".to_owned(), |block| {
                    format!("Some({})", shown_literal(block))
                })
            };
            let rust = find(Role::Rust).map(|block| {
                format!(
                    "Some(RustShown {{ shown: Shown {{ at: {:?}, file: {:?}, text: {:?} }}, info: {:?} }})",
                    block.at,
                    block.file,
                    rust_program(&block.text),
                    block.info
                )
            });
            let outputs: Vec<String> = shown
                .iter()
                .filter(|block| block.role == Role::Output)
                .map(shown_literal)
                .collect();
            writeln!(
                out,
                "\n#[test]\nfn {name}() {{\n    check_listing(&Listing {{\n        folder: {folder:?},\n        python: {},\n        rust: {},\n        outputs: &[{}],\n        rustc: {},\n        panic: {},\n    }});\n}}",
                python.unwrap_or_else(|| "None".into()),
                rust.unwrap_or_else(|| "None".into()),
                outputs.join(", "),
                diagnostic(Role::Rustc),
                diagnostic(Role::Panic)
            )
            .unwrap();
        }
        out
    }
}

fn shown_literal(block: &Shown) -> String {
    format!(
        "Shown {{ at: {:?}, file: {:?}, text: {:?} }}",
        block.at, block.file, block.text
    )
}

/// `rustc -vV` of the compiler cargo builds with, a part of every cached
/// verdict's key (`tests/book/passed.rs`).
fn rustc_version() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let output = std::process::Command::new(&rustc)
        .arg("-vV")
        .output()
        .unwrap_or_else(|e| panic!("{rustc} -vV: {e}"));
    String::from_utf8_lossy(&output.stdout).into_owned()
}
