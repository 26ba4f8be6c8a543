//! Turns the book into tests.
//!
//! mdBook expands the book exactly as it does for the site (`{{#include}}` and
//! `{{#rustdoc_include}}` included). Every code block that comes from a file in
//! `listings/` is attached to its listing folder, and each folder becomes one
//! test in `tests/book/`: its Python program runs, its Rust block is compiled
//! and run by skeptic, and both stdouts must equal an output the book shows.
//! The jobs, one module each under `build/`: `markdown` reads blocks and
//! directives, `lints` attaches blocks to listings and finds what is wrong
//! (`book_structure` fails naming the chapter file and line), `versions` holds
//! the preface's version table to `Cargo.toml` and `Cargo.lock`, `emit` writes
//! the tests.

use std::fs;
use std::path::PathBuf;

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_driver::builtin_renderers::MarkdownRenderer;

#[path = "build/emit.rs"]
mod emit;
#[path = "build/lints.rs"]
mod lints;
#[path = "build/markdown.rs"]
mod markdown;
#[path = "build/versions.rs"]
mod versions;

use lints::Check;

const LISTINGS: &str = "listings";

fn main() {
    for watched in ["book.toml", "Cargo.toml", "Cargo.lock", "src", LISTINGS] {
        println!("cargo::rerun-if-changed={watched}");
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let book = MDBook::load(&root).unwrap_or_else(|e| panic!("mdBook cannot load the book: {e:#}"));
    let (rendered, _) = book
        .preprocess_book(&MarkdownRenderer::new())
        .unwrap_or_else(|e| panic!("mdBook cannot expand the book: {e:#}"));
    let src_dir = PathBuf::from(&book.config.book.src);

    let versions = versions::read(&root);
    let mut check = Check {
        problems: versions.check_preface(&root),
        pythons: versions.pythons.clone(),
        ..Check::default()
    };
    for item in rendered.iter() {
        if let BookItem::Chapter(chapter) = item
            && let Some(source_path) = &chapter.source_path
        {
            let chapter_file = src_dir.join(source_path);
            let source = fs::read_to_string(root.join(&chapter_file))
                .unwrap_or_else(|e| panic!("{}: {e}", chapter_file.display()));
            check.chapter(&root, &chapter_file, &source, &chapter.content);
        }
    }
    check.orphans(&root);
    check.pairs();

    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("book_tests.rs");
    fs::write(&out, check.emit(&std::env::var("TARGET").unwrap())).unwrap();
}
