//! The book as the tests see it: mdBook expands it exactly as it does for
//! the site (`{{#include}}` and `{{#rustdoc_include}}` included), the lints
//! attach every block shown from `listings/` to its folder, and each folder
//! becomes a `Listing`.

use std::fs;
use std::path::{Path, PathBuf};

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_driver::builtin_renderers::MarkdownRenderer;

use crate::Listing;
use crate::lints::Check;
use crate::versions;

pub const LISTINGS: &str = "listings";

pub struct Book {
    /// `file:line: what is wrong`, for `book_structure`.
    pub problems: Vec<String>,
    pub listings: Vec<Listing>,
    /// The Python versions the book promises, oldest first (`Cargo.toml`).
    pub pythons: Vec<String>,
    /// `preface.md` as mdBook expands it, for `reader_deps`.
    pub preface: String,
}

pub fn read(root: &Path) -> Book {
    let book = MDBook::load(root).unwrap_or_else(|e| panic!("mdBook cannot load the book: {e:#}"));
    let (rendered, _) = book
        .preprocess_book(&MarkdownRenderer::new())
        .unwrap_or_else(|e| panic!("mdBook cannot expand the book: {e:#}"));
    let src_dir = PathBuf::from(&book.config.book.src);

    let versions = versions::read(root);
    let mut check = Check {
        problems: versions.check_preface(root),
        pythons: versions.pythons.clone(),
        ..Check::default()
    };
    let mut preface = String::new();
    for item in rendered.iter() {
        if let BookItem::Chapter(chapter) = item
            && let Some(source_path) = &chapter.source_path
        {
            if source_path == Path::new("preface.md") {
                preface.clone_from(&chapter.content);
            }
            let chapter_file = src_dir.join(source_path);
            let source = fs::read_to_string(root.join(&chapter_file))
                .unwrap_or_else(|e| panic!("{}: {e}", chapter_file.display()));
            check.chapter(root, &chapter_file, &source, &chapter.content);
        }
    }
    check.orphans(root);
    check.pairs();
    check.problems.extend(crate::quiz::problems(root));
    let listings = check.listings();
    Book {
        problems: check.problems,
        listings,
        pythons: versions.pythons,
        preface,
    }
}
