//! The versions the book names: the Pythons it promises (`[package.metadata.book]`
//! in `Cargo.toml`), Rust's `rust-version` and edition, the crates of the
//! dependency block readers copy and of the extension modules' own manifests
//! (`listings/*/*/Cargo.toml`) as `Cargo.lock` has them; and the preface's
//! «Версии» table, held to all of them.

use std::fs;
use std::path::Path;

pub struct Versions {
    pub pythons: Vec<String>,
    rust: String,
    /// The crates readers build with (the dependency block, the extension
    /// modules' manifests), as locked.
    crates: Vec<(String, String)>,
    /// The Python packages the listings import (`requirements.in`, versions from
    /// `requirements.txt`) and maturin (`ci/maturin-requirements.txt`), as pinned.
    python_packages: Vec<(String, String)>,
}

const PREFACE: &str = "src/preface.md";

pub fn read(root: &Path) -> Versions {
    let manifest = table(&root.join("Cargo.toml"));
    let package = &manifest["package"];
    let pythons: Vec<String> = package["metadata"]["book"]["python-versions"]
        .as_array()
        .expect("Cargo.toml: [package.metadata.book] python-versions = [\"3.9\", …]")
        .iter()
        .map(|version| version.as_str().unwrap().to_owned())
        .collect();
    assert!(!pythons.is_empty(), "Cargo.toml: python-versions is empty");
    let rust = format!(
        "{} и новее, редакция {}",
        package["rust-version"].as_str().unwrap(),
        package["edition"].as_str().unwrap()
    );
    let mut readers_crates = readers_crates(root);
    for name in extension_crates(root) {
        if !readers_crates.contains(&name) {
            readers_crates.push(name);
        }
    }
    let lock = table(&root.join("Cargo.lock"));
    let locked = |name: &str| {
        lock["package"]
            .as_array()
            .unwrap()
            .iter()
            .find(|package| package["name"].as_str() == Some(name))
            .and_then(|package| package["version"].as_str())
            .unwrap_or_else(|| panic!("Cargo.lock has no {name}"))
            .to_owned()
    };
    Versions {
        crates: readers_crates
            .into_iter()
            .map(|name| {
                let version = locked(&name);
                (name, version)
            })
            .collect(),
        rust,
        pythons,
        python_packages: python_packages(root),
    }
}

/// `name==version` of each package `requirements.in` names, from `requirements.txt`,
/// and of maturin, which chapter 8's build commands install.
fn python_packages(root: &Path) -> Vec<(String, String)> {
    let pins = |file: &str| -> Vec<(String, String)> {
        let text = fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        text.lines()
            .filter_map(|line| line.split_whitespace().next()?.split_once("=="))
            .map(|(name, version)| (name.to_owned(), version.to_owned()))
            .collect()
    };
    let locked = pins("requirements.txt");
    let mut packages: Vec<_> = pins("requirements.in")
        .into_iter()
        .map(|(name, _)| {
            let version = locked
                .iter()
                .find(|(locked, _)| *locked == name)
                .map(|(_, v)| v.clone());
            (
                name.clone(),
                version.unwrap_or_else(|| {
                    panic!("requirements.txt: no {name}==…, which requirements.in names")
                }),
            )
        })
        .collect();
    packages.extend(pins("ci/maturin-requirements.txt"));
    packages
}

/// The crates between `# ANCHOR: reader-deps` and `# ANCHOR_END: reader-deps`
/// in `Cargo.toml`: the block the preface shows readers.
fn readers_crates(root: &Path) -> Vec<String> {
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let block = manifest
        .split_once("# ANCHOR: reader-deps")
        .and_then(|(_, rest)| rest.split_once("# ANCHOR_END: reader-deps"))
        .map(|(block, _)| block)
        .expect("Cargo.toml: no reader-deps anchors");
    block
        .lines()
        .filter_map(|line| line.split_once('=').map(|(name, _)| name.trim().to_owned()))
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect()
}

/// The `[dependencies]` of each listing that is a crate of its own (an extension
/// module built by `extension.rs`).
fn extension_crates(root: &Path) -> Vec<String> {
    let mut manifests: Vec<_> = fs::read_dir(root.join("listings"))
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|chapter| fs::read_dir(chapter.path()).into_iter().flatten().flatten())
        .map(|listing| listing.path().join("Cargo.toml"))
        .filter(|manifest| manifest.is_file())
        .collect();
    manifests.sort();
    manifests
        .iter()
        .flat_map(|manifest| {
            table(manifest)
                .get("dependencies")
                .and_then(toml::Value::as_table)
                .map(|dependencies| dependencies.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
        .collect()
}

fn table(path: &Path) -> toml::Table {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

impl Versions {
    /// `src/preface.md:N: …` for each row of the «Версии» table that says
    /// other than the sources the tests use.
    pub fn check_preface(&self, root: &Path) -> Vec<String> {
        let text = fs::read_to_string(root.join(PREFACE)).unwrap_or_default();
        let python = format!(
            "{}–{}",
            self.pythons.first().unwrap(),
            self.pythons.last().unwrap()
        );
        // (row name, version, where the tests take it from)
        let mut expected = vec![
            ("Python".to_owned(), python, "Cargo.toml"),
            ("Rust".to_owned(), self.rust.clone(), "Cargo.toml"),
        ];
        expected.extend(
            self.crates
                .iter()
                .map(|(name, version)| (name.clone(), version.clone(), "Cargo.lock")),
        );
        expected.extend(self.python_packages.iter().map(|(name, version)| {
            let from = if name == "maturin" {
                "ci/maturin-requirements.txt"
            } else {
                "requirements.txt"
            };
            (format!("{name} (Python)"), version.clone(), from)
        }));
        let mut problems = Vec::new();
        for (name, version, from) in expected {
            let row = text.lines().enumerate().find_map(|(index, line)| {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                (cells.len() > 3 && cells[1].replace('`', "") == name)
                    .then(|| (index + 1, cells[2].to_owned()))
            });
            match row {
                Some((_, shown)) if shown == version => {}
                Some((line, shown)) => problems.push(format!(
                    "{PREFACE}:{line}: в таблице версий {name} — «{shown}», а тесты проверяют «{version}» ({from})"
                )),
                None => problems.push(format!(
                    "{PREFACE}:1: в таблице версий нет строки «| {name} | {version} | … |»"
                )),
            }
        }
        problems
    }
}
