//! The structural lints: every block shown from `listings/` is attached to its
//! listing folder, and what mdBook only logs or silently accepts (a missing
//! file or anchor, a caption that names no file, a Python block without its Rust
//! pair, a listing file no page shows) becomes a problem naming the chapter
//! file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::book::LISTINGS;
use crate::markdown::{Directive, code_blocks, directives};

/// What a file shown from a listing folder is, by its name.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Role {
    Python,
    Rust,
    Output,
    /// `rustc.txt`: lines of the error that rejects a `compile_fail` block.
    Rustc,
    /// `panic.txt`: lines of the panic a `should_panic` block ends in.
    Panic,
    /// `Cargo.toml` of an extension module for Python (`tests/book/extension.rs`).
    Manifest,
    /// `src/lib.rs` of that extension module.
    Extension,
}

fn role(file_name: &str) -> Option<Role> {
    match file_name {
        "main.py" => Some(Role::Python),
        "main.rs" => Some(Role::Rust),
        "rustc.txt" => Some(Role::Rustc),
        "panic.txt" => Some(Role::Panic),
        "Cargo.toml" => Some(Role::Manifest),
        "lib.rs" => Some(Role::Extension),
        name if name.starts_with("output") && name.ends_with(".txt") => Some(Role::Output),
        _ => None,
    }
}

/// One block shown from a listing folder.
pub struct ShownBlock {
    pub role: Role,
    /// `src/chapter.md:line` of the block's fence.
    pub at: String,
    pub chapter: PathBuf,
    /// The listing file, relative to the repository root.
    pub file: String,
    pub info: String,
    pub text: String,
    /// A Python block's «Python 3.N+» from its caption: the oldest Python it runs on.
    pub python_since: Option<String>,
}

#[derive(Default)]
pub struct Check {
    /// `file:line: what is wrong`, in the order found.
    pub problems: Vec<String>,
    /// Listing folder → its blocks, in page order.
    pub listings: BTreeMap<String, Vec<ShownBlock>>,
    /// Every file some page includes, relative to the repository root.
    pub included: BTreeSet<PathBuf>,
    /// The Python versions the book promises, oldest first (`Cargo.toml`).
    pub pythons: Vec<String>,
}

impl Check {
    pub fn chapter(&mut self, root: &Path, chapter_file: &Path, source: &str, rendered: &str) {
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
            // A «Что напечатает?» answer is not a shown output: quiz.rs checks it.
            if crate::quiz::is_option(&source_block.html_before) {
                continue;
            }
            // a `toml` block is a listing's only when it shows an extension's Cargo.toml
            // (the preface shows the book's own)
            let extension_manifest = language == "toml"
                && directives
                    .iter()
                    .any(|d| normalize(&chapter_dir.join(&d.path)).starts_with(LISTINGS));
            if !matches!(language, "rust" | "python")
                && !extension_manifest
                && role_of_text_block(&directives).is_none()
            {
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
                    "{at}: {} — не main.py, main.rs, output*.txt, rustc.txt, panic.txt или Cargo.toml и src/lib.rs модуля расширения: тесты не знают, что это",
                    file.display()
                ));
                continue;
            };
            let expected_language = match role {
                Role::Python => "python",
                Role::Rust | Role::Extension => "rust",
                Role::Manifest => "toml",
                Role::Output | Role::Rustc | Role::Panic => "text",
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
            // an extension's lib.rs lives in its crate's src/, the listing folder is the crate's
            let parent = file.parent().unwrap();
            let folder = match role {
                Role::Extension if parent.ends_with("src") => parent.parent().unwrap(),
                _ => parent,
            }
            .to_string_lossy()
            .into_owned();
            if !file.starts_with(LISTINGS) {
                self.problems
                    .push(format!("{at}: {} лежит не в {LISTINGS}/", file.display()));
                continue;
            }
            self.caption(&at, &folder, &file, &shown.html_before);
            let python_since = (role == Role::Python)
                .then(|| self.python_since(&at, &shown.html_before))
                .flatten();
            self.listings.entry(folder).or_default().push(ShownBlock {
                role,
                at,
                chapter: chapter_file.to_owned(),
                file: file.to_string_lossy().into_owned(),
                info: shown.info.clone(),
                text: shown.text,
                python_since,
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

    /// The caption above a listing names its file and its number (folder
    /// `listing-02-01` → «Листинг 2-1», «Вывод листинга 2-1», «в листинге 2-1»).
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
                if ["истинг", "истинга", "истинге"]
                    .iter()
                    .any(|word| html.contains(&format!("{word} {number}"))) => {}
            Some(number) => self
                .problems
                .push(format!("{at}: подпись не называет номер листинга {number}")),
            None => self
                .problems
                .push(format!("{at}: папка {folder} названа не как listing-NN-MM")),
        }
    }

    /// «Python 3.11+» in a Python listing's caption: a version the book
    /// promises, newer than its oldest (which every listing runs on anyway).
    fn python_since(&mut self, at: &str, caption: &str) -> Option<String> {
        let (_, after) = caption.split_once("Python 3.")?;
        let minor: String = after.chars().take_while(char::is_ascii_digit).collect();
        if minor.is_empty() || !after[minor.len()..].starts_with('+') {
            return None;
        }
        let version = format!("3.{minor}");
        match self
            .pythons
            .iter()
            .position(|promised| *promised == version)
        {
            Some(index) if index > 0 => Some(version),
            _ => {
                self.problems.push(format!(
                    "{at}: подпись говорит «Python {version}+», а книга обещает Python {}: пишите в подписи версию новее {} из этого списка",
                    self.pythons.join(", "),
                    self.pythons.first().map_or("—", String::as_str)
                ));
                None
            }
        }
    }

    pub fn orphans(&mut self, root: &Path) {
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

    pub fn pairs(&mut self) {
        let mut problems = Vec::new();
        for (folder, shown) in &self.listings {
            let find = |role| shown.iter().find(|block| block.role == role);
            let extensions = self.extensions_beside(folder);
            if let [first, second, ..] = extensions[..] {
                problems.push(format!(
                    "{}: в {} второй модуль расширения (первый — {}): листинги на Python этой папки не знают, какой импортировать",
                    second.1.at, second.0, first.0
                ));
            }
            for role in [
                Role::Python,
                Role::Rust,
                Role::Rustc,
                Role::Panic,
                Role::Manifest,
                Role::Extension,
            ] {
                if let [first, second, ..] =
                    shown.iter().filter(|b| b.role == role).collect::<Vec<_>>()[..]
                {
                    problems.push(format!(
                        "{}: {} уже показан в {}",
                        second.at, second.file, first.at
                    ));
                }
            }
            match (find(Role::Manifest), find(Role::Extension)) {
                (Some(manifest), None) => problems.push(format!(
                    "{}: {} показан без src/lib.rs модуля расширения: покажите {folder}/src/lib.rs рядом",
                    manifest.at, manifest.file
                )),
                (None, Some(lib)) => problems.push(format!(
                    "{}: модуль расширения {} показан без Cargo.toml: покажите {folder}/Cargo.toml рядом",
                    lib.at, lib.file
                )),
                (_, Some(lib)) if lib.file != format!("{folder}/src/lib.rs") => problems.push(format!(
                    "{}: {} — модуль расширения лежит в {folder}/src/lib.rs, рядом с Cargo.toml",
                    lib.at, lib.file
                )),
                _ => {}
            }
            let imports = self.extension_for(folder);
            match (find(Role::Python), find(Role::Rust)) {
                (Some(python), None) if imports.as_ref().is_some_and(|(_, lib)| lib.chapter == python.chapter) => {}
                (Some(python), None) if imports.is_some() => problems.push(format!(
                    "{}: листинг на Python {} импортирует модуль расширения {}, а тот показан на другой странице",
                    python.at, python.file, imports.unwrap().1.file
                )),
                (Some(python), None) => problems.push(format!(
                    "{}: листинг на Python {} показан без пары на Rust: добавьте {folder}/main.rs и покажите его рядом",
                    python.at, python.file
                )),
                (Some(python), Some(rust)) if python.chapter != rust.chapter => problems.push(format!(
                    "{}: пара на Rust к {} показана на другой странице ({})",
                    python.at, python.file, rust.at
                )),
                (None, None) if find(Role::Extension).is_some() => {}
                (None, None) => {
                    let output = &shown[0];
                    problems.push(format!("{}: вывод {} показан без программы", output.at, output.file));
                }
                _ => {}
            }
        }
        self.problems.extend(problems);
    }
}

impl Check {
    /// The extension modules (folder, its `src/lib.rs` block) in the chapter
    /// folder of listing `folder`: the Python listings there import them.
    fn extensions_beside(&self, folder: &str) -> Vec<(&str, &ShownBlock)> {
        let chapter_folder = Path::new(folder).parent();
        self.listings
            .iter()
            .filter(|(other, _)| Path::new(other).parent() == chapter_folder)
            .filter_map(|(other, shown)| {
                let lib = shown.iter().find(|block| block.role == Role::Extension)?;
                Some((other.as_str(), lib))
            })
            .collect()
    }

    /// The one extension module the Python listing in `folder` imports, if its chapter folder has one.
    pub fn extension_for(&self, folder: &str) -> Option<(&str, &ShownBlock)> {
        self.extensions_beside(folder).into_iter().next()
    }
}

/// Text blocks count as listing blocks only when they include a listing's
/// output or diagnostic.
fn role_of_text_block(directives: &[Directive]) -> Option<Role> {
    directives
        .iter()
        .find_map(|d| role(Path::new(&d.path).file_name()?.to_str()?))
        .filter(|role| matches!(role, Role::Output | Role::Rustc | Role::Panic))
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
