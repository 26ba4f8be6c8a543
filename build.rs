//! Turns the book into tests.
//!
//! mdBook expands the book exactly as it does for the site (`{{#include}}` and
//! `{{#rustdoc_include}}` included). Every code block that comes from a file in
//! `listings/` is attached to its listing folder, and each folder becomes one
//! test in `tests/book.rs`: its Python program runs, its Rust block is compiled
//! and run by skeptic, and both stdouts must equal an output the book shows.
//! What mdBook only logs or silently accepts (a missing file or anchor, a
//! Python block without its Rust pair, a listing file no page shows) becomes a
//! failing `book_structure` test that names the chapter file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Component, Path, PathBuf};

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_driver::builtin_renderers::MarkdownRenderer;
use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};

const LISTINGS: &str = "listings";

fn main() {
    for watched in ["book.toml", "src", LISTINGS] {
        println!("cargo::rerun-if-changed={watched}");
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let book = MDBook::load(&root).unwrap_or_else(|e| panic!("mdBook cannot load the book: {e:#}"));
    let (rendered, _) = book
        .preprocess_book(&MarkdownRenderer::new())
        .unwrap_or_else(|e| panic!("mdBook cannot expand the book: {e:#}"));
    let src_dir = PathBuf::from(&book.config.book.src);

    let mut check = Check::default();
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

/// A fenced code block: where its fence starts, its info string and text.
struct Block {
    line: usize,
    /// Byte range of the whole block, fences included, in the chapter's text.
    span: std::ops::Range<usize>,
    info: String,
    text: String,
    /// HTML that stands between the previous code block and this one: the caption.
    html_before: String,
}

fn code_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut html = String::new();
    let mut open: Option<Block> = None;
    for (event, range) in new_cmark_parser(markdown, &MarkdownOptions::default()).into_offset_iter()
    {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let line = markdown[..range.start].matches('\n').count() + 1;
                let html_before = std::mem::take(&mut html);
                open = Some(Block {
                    line,
                    span: range,
                    info,
                    text: String::new(),
                    html_before,
                });
            }
            Event::Text(text) if open.is_some() => open.as_mut().unwrap().text.push_str(&text),
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            Event::Html(text) | Event::InlineHtml(text) => html.push_str(&text),
            _ => {}
        }
    }
    blocks
}

/// `{{#include path:anchor}}` or `{{#rustdoc_include path}}` in a chapter's source.
struct Directive {
    kind: String,
    path: String,
    anchor: Option<String>,
}

fn directives(text: &str) -> Vec<Directive> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{#") {
        let after = &rest[start + 3..];
        let Some(end) = after.find("}}") else { break };
        if rest[..start].ends_with('\\') {
            // `\{{#include …}}` is mdBook's escape: shown as is, not expanded.
            rest = &after[end + 2..];
            continue;
        }
        let mut words = after[..end].split_whitespace();
        let kind = words.next().unwrap_or_default().to_owned();
        let target = words.next().unwrap_or_default();
        let (path, anchor) = match target.split_once(':') {
            Some((path, anchor)) => (path.to_owned(), Some(anchor.to_owned())),
            None => (target.to_owned(), None),
        };
        found.push(Directive { kind, path, anchor });
        rest = &after[end + 2..];
    }
    found
}

/// The program a Rust block stands for: mdBook's hidden lines (`# `) shown,
/// `##` unescaped, the same rule mdBook's HTML renderer applies.
fn rust_program(shown: &str) -> String {
    let mut program = String::with_capacity(shown.len());
    for line in shown.lines() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        match body.strip_prefix('#') {
            Some("") => program.push_str(indent),
            Some(hidden) if hidden.starts_with(' ') => {
                program.push_str(indent);
                program.push_str(&hidden[1..]);
            }
            Some(escaped) if escaped.starts_with('#') => {
                program.push_str(indent);
                program.push_str(escaped);
            }
            _ => program.push_str(line),
        }
        program.push('\n');
    }
    program
}

/// What a file shown from a listing folder is, by its name.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Role {
    Python,
    Rust,
    Output,
}

fn role(file_name: &str) -> Option<Role> {
    match file_name {
        "main.py" => Some(Role::Python),
        "main.rs" => Some(Role::Rust),
        name if name.starts_with("output") && name.ends_with(".txt") => Some(Role::Output),
        _ => None,
    }
}

/// One block shown from a listing folder.
struct Shown {
    role: Role,
    /// `src/chapter.md:line` of the block's fence.
    at: String,
    chapter: PathBuf,
    /// The listing file, relative to the repository root.
    file: String,
    info: String,
    text: String,
}

#[derive(Default)]
struct Check {
    /// `file:line: what is wrong`, in the order found.
    problems: Vec<String>,
    /// Listing folder → its blocks, in page order.
    listings: BTreeMap<String, Vec<Shown>>,
    /// Every file some page includes, relative to the repository root.
    included: BTreeSet<PathBuf>,
}

impl Check {
    fn chapter(&mut self, root: &Path, chapter_file: &Path, source: &str, rendered: &str) {
        let source_blocks = code_blocks(source);
        let shown_blocks = code_blocks(rendered);
        let chapter_name = chapter_file.display();
        if source_blocks.len() != shown_blocks.len() {
            self.problems.push(format!(
                "{chapter_name}:1: после {{{{#include}}}} блоков кода стало {} вместо {}: директива вне блока кода или файл с ``` внутри",
                shown_blocks.len(),
                source_blocks.len()
            ));
            return;
        }
        let chapter_dir = chapter_file.parent().unwrap();
        // mdBook expands a directive in prose too, and leaves a broken one there as text.
        let mut offset = 0;
        for (index, line) in source.split_inclusive('\n').enumerate() {
            let in_block = source_blocks
                .iter()
                .any(|block| block.span.contains(&offset));
            offset += line.len();
            if !in_block {
                let at = format!("{chapter_name}:{}", index + 1);
                for directive in directives(line) {
                    self.directive(root, chapter_dir, &at, &directive);
                }
            }
        }
        for (source_block, shown) in source_blocks.iter().zip(shown_blocks) {
            let at = format!("{chapter_name}:{}", source_block.line);
            let language = shown.info.split([',', ' ']).next().unwrap_or_default();
            let directives = directives(&source_block.text);
            for directive in &directives {
                self.directive(root, chapter_dir, &at, directive);
            }
            if shown.text.contains("{{#") {
                self.problems
                    .push(format!("{at}: mdBook не раскрыл директиву в этом блоке"));
            }
            if !matches!(language, "rust" | "python") && role_of_text_block(&directives).is_none() {
                continue;
            }
            let [directive] = directives.as_slice() else {
                self.problems.push(format!(
                    "{at}: блок `{language}` должен быть одной директивой {{{{#include}}}} файла из {LISTINGS}/, чтобы его проверяли тесты"
                ));
                continue;
            };
            let file = normalize(&chapter_dir.join(&directive.path));
            let Some(role) = file
                .file_name()
                .and_then(|name| role(&name.to_string_lossy()))
            else {
                self.problems.push(format!(
                    "{at}: {} — не main.py, main.rs или output*.txt: тесты не знают, что это",
                    file.display()
                ));
                continue;
            };
            let expected_language = match role {
                Role::Python => "python",
                Role::Rust => "rust",
                Role::Output => "text",
            };
            if language != expected_language {
                self.problems.push(format!(
                    "{at}: {} показан как `{language}`, а нужен `{expected_language}`",
                    file.display()
                ));
            }
            if role == Role::Rust && directive.kind != "rustdoc_include" {
                self.problems.push(format!(
                    "{at}: листинг на Rust включается через {{{{#rustdoc_include}}}}, чтобы блок был всей программой со скрытыми строками"
                ));
            }
            let folder = file.parent().unwrap().to_string_lossy().into_owned();
            if !file.starts_with(LISTINGS) {
                self.problems
                    .push(format!("{at}: {} лежит не в {LISTINGS}/", file.display()));
                continue;
            }
            self.caption(&at, &folder, &file, &shown.html_before);
            self.listings.entry(folder).or_default().push(Shown {
                role,
                at,
                chapter: chapter_file.to_owned(),
                file: file.to_string_lossy().into_owned(),
                info: shown.info.clone(),
                text: shown.text,
            });
        }
    }

    fn directive(&mut self, root: &Path, chapter_dir: &Path, at: &str, directive: &Directive) {
        if !matches!(directive.kind.as_str(), "include" | "rustdoc_include") {
            self.problems.push(format!(
                "{at}: директива {{{{#{}}}}} в книге не используется",
                directive.kind
            ));
            return;
        }
        let file = normalize(&chapter_dir.join(&directive.path));
        let Ok(text) = fs::read_to_string(root.join(&file)) else {
            self.problems.push(format!(
                "{at}: {{{{#{} {}}}}}: файла {} нет",
                directive.kind,
                directive.path,
                file.display()
            ));
            return;
        };
        self.included.insert(file.clone());
        if let Some(anchor) = &directive.anchor {
            let has = |marker: &str| {
                text.lines().any(|line| {
                    line.split_once(marker)
                        .is_some_and(|(_, name)| name.trim() == anchor)
                })
            };
            if anchor.starts_with(|c: char| c.is_ascii_digit()) {
                self.problems.push(format!(
                    "{at}: {}: используйте якорь ANCHOR, а не номера строк",
                    file.display()
                ));
            } else if !has("ANCHOR:") || !has("ANCHOR_END:") {
                self.problems.push(format!(
                    "{at}: в {} нет якоря «{anchor}» (нужны строки ANCHOR: {anchor} и ANCHOR_END: {anchor})",
                    file.display()
                ));
            }
        }
    }

    /// The caption above a listing names its file and its number (folder `listing-02-01` → «2-1»).
    fn caption(&mut self, at: &str, folder: &str, file: &Path, html: &str) {
        let file_name = file.display().to_string();
        if !html.contains(&format!("<code>{file_name}</code>")) {
            self.problems.push(format!(
                "{at}: подпись над блоком не называет файл <code>{file_name}</code>"
            ));
        }
        let number = folder
            .rsplit_once("listing-")
            .and_then(|(_, number)| number.split_once('-'))
            .and_then(|(chapter, index)| {
                Some(format!(
                    "{}-{}",
                    chapter.parse::<u32>().ok()?,
                    index.parse::<u32>().ok()?
                ))
            });
        match number {
            Some(number)
                if html.contains(&format!("истинг {number}"))
                    || html.contains(&format!("истинга {number}")) => {}
            Some(number) => self
                .problems
                .push(format!("{at}: подпись не называет номер листинга {number}")),
            None => self
                .problems
                .push(format!("{at}: папка {folder} названа не как listing-NN-MM")),
        }
    }

    fn orphans(&mut self, root: &Path) {
        let mut files = Vec::new();
        walk(root, Path::new(LISTINGS), &mut files);
        for file in files {
            if !self.included.contains(&file) {
                self.problems.push(format!(
                    "{}:1: файл не показан ни на одной странице книги",
                    file.display()
                ));
            }
        }
    }

    fn pairs(&mut self) {
        for (folder, shown) in &self.listings {
            let find = |role| shown.iter().find(|block| block.role == role);
            for role in [Role::Python, Role::Rust] {
                if let [first, second, ..] =
                    shown.iter().filter(|b| b.role == role).collect::<Vec<_>>()[..]
                {
                    self.problems.push(format!(
                        "{}: {} уже показан в {}",
                        second.at, second.file, first.at
                    ));
                }
            }
            match (find(Role::Python), find(Role::Rust)) {
                (Some(python), None) => self.problems.push(format!(
                    "{}: листинг на Python {} показан без пары на Rust: добавьте {folder}/main.rs и покажите его рядом",
                    python.at, python.file
                )),
                (Some(python), Some(rust)) if python.chapter != rust.chapter => self.problems.push(format!(
                    "{}: пара на Rust к {} показана на другой странице ({})",
                    python.at, python.file, rust.at
                )),
                (None, None) => {
                    let output = find(Role::Output).unwrap();
                    self.problems.push(format!("{}: вывод {} показан без программы", output.at, output.file));
                }
                _ => {}
            }
        }
    }

    /// Rust source for `tests/book.rs`: one test per listing folder and `book_structure`.
    fn emit(&self, target: &str) -> String {
        let mut out = String::new();
        writeln!(out, "const TARGET: &str = {target:?};\n").unwrap();
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
                format!(
                    "Some(Shown {{ at: {:?}, file: {:?}, text: {:?} }})",
                    block.at, block.file, block.text
                )
            });
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
                .map(|block| {
                    format!(
                        "Shown {{ at: {:?}, file: {:?}, text: {:?} }}",
                        block.at, block.file, block.text
                    )
                })
                .collect();
            writeln!(
                out,
                "\n#[test]\nfn {name}() {{\n    check_listing(&Listing {{\n        folder: {folder:?},\n        python: {},\n        rust: {},\n        outputs: &[{}],\n    }});\n}}",
                python.unwrap_or_else(|| "None".into()),
                rust.unwrap_or_else(|| "None".into()),
                outputs.join(", ")
            )
            .unwrap();
        }
        out
    }
}

/// Text blocks count as listing blocks only when they include a listing's output.
fn role_of_text_block(directives: &[Directive]) -> Option<Role> {
    directives
        .iter()
        .find_map(|d| role(Path::new(&d.path).file_name()?.to_str()?))
        .filter(|role| *role == Role::Output)
}

/// `src/../listings/x` → `listings/x`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(root.join(dir))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name())
        .collect();
    entries.sort();
    for name in entries {
        let path = dir.join(name);
        if root.join(&path).is_dir() {
            walk(root, &path, files);
        } else {
            files.push(path);
        }
    }
}
