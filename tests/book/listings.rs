//! From the blocks the lints attached to each listing folder to the
//! `Listing`s the tests run: one per folder, named after it.

use std::collections::{BTreeSet, HashMap};

use crate::extension::ExtensionShown;
use crate::lints::{Check, Role, ShownBlock};
use crate::markdown::rust_program;
use crate::{Listing, PythonShown, RustShown, Shown};

impl Check {
    /// The listings, in folder order. Their text lives as long as the test
    /// process (every test may borrow it from any thread), so it is leaked
    /// once here instead of cloned per test.
    pub fn listings(&mut self) -> Vec<Listing> {
        let mut names = BTreeSet::new();
        let mut listings = Vec::new();
        let mut extensions = HashMap::new();
        for (folder, shown) in &self.listings {
            let name = test_name(folder);
            if !names.insert(name.clone()) {
                self.problems.push(format!(
                    "{folder}:1: папка называется так же, как другая папка листинга ({name})"
                ));
                continue;
            }
            let find = |role| shown.iter().find(|block| block.role == role);
            let mut extension_in = |folder: &str| -> Option<&'static ExtensionShown> {
                let blocks = &self.listings[folder];
                let block = |role| blocks.iter().find(|block| block.role == role);
                let (manifest, lib) = (block(Role::Manifest)?, block(Role::Extension)?);
                Some(*extensions.entry(folder.to_owned()).or_insert_with(|| {
                    &*Box::leak(Box::new(ExtensionShown {
                        manifest: shown_of(manifest),
                        lib: shown_of(lib),
                    }))
                }))
            };
            let imports = self
                .extension_for(folder)
                .and_then(|(extension, _)| extension_in(extension));
            let extension = extension_in(folder);
            listings.push(Listing {
                name,
                folder: leak(folder),
                python: find(Role::Python).map(|block| PythonShown {
                    shown: shown_of(block),
                    since: leak(block.python_since.as_ref().unwrap_or(&self.pythons[0])),
                    imports,
                }),
                rust: find(Role::Rust).map(|block| RustShown {
                    shown: Shown {
                        text: leak(&rust_program(&block.text)),
                        ..shown_of(block)
                    },
                    info: leak(&block.info),
                }),
                extension,
                outputs: shown
                    .iter()
                    .filter(|block| block.role == Role::Output)
                    .map(shown_of)
                    .collect(),
                rustc: find(Role::Rustc).map(shown_of),
                panic: find(Role::Panic).map(shown_of),
            });
        }
        listings
    }
}

/// `listings/ch02-…/listing-02-01` → `listing_02_01`, what `cargo test -- listing_02_01` filters on.
fn test_name(folder: &str) -> String {
    folder.rsplit('/').next().unwrap().replace('-', "_")
}

fn shown_of(block: &ShownBlock) -> Shown {
    Shown {
        at: leak(&block.at),
        file: leak(&block.file),
        text: leak(&block.text),
    }
}

fn leak(text: &str) -> &'static str {
    text.to_owned().leak()
}
