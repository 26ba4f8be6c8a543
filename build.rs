//! Tells the book's tests which target they run on; nothing else.
//!
//! The book itself is read when the tests run (`tests/book/main.rs`), not
//! here: cargo recompiles a package's tests every time its build script runs
//! again, so a build script that watched `src/` and `listings/` would make
//! every edit of a chapter cost a compilation. This one runs once per
//! toolchain; skeptic finds the compiled dependencies from its `OUT_DIR`.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let target = std::env::var("TARGET").expect("cargo sets TARGET for build scripts");
    println!("cargo::rustc-env=BOOK_TARGET={target}");
}
