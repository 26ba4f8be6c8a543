//! Reading the expanded book: fenced code blocks, mdBook directives, and
//! the program a Rust block stands for once its hidden lines are put back.

use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};

/// A fenced code block: where its fence starts, its info string and text.
pub struct Block {
    pub line: usize,
    /// Byte range of the whole block, fences included, in the chapter's text.
    pub span: std::ops::Range<usize>,
    pub info: String,
    pub text: String,
    /// HTML that stands between the previous code block and this one: the caption.
    pub html_before: String,
}

pub fn code_blocks(markdown: &str) -> Vec<Block> {
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
pub struct Directive {
    pub kind: String,
    pub path: String,
    pub anchor: Option<String>,
}

pub fn directives(text: &str) -> Vec<Directive> {
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
pub fn rust_program(shown: &str) -> String {
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
