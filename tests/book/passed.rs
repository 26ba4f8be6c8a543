//! Remembers runs that passed, so a warm `cargo test` re-runs only what changed.
//!
//! A key hashes everything a run's verdict depends on (the program, the shown
//! outputs and diagnostics, the interpreter or toolchain); a pass leaves an empty
//! file named by the key in cargo's tmp dir for tests. A fresh clone (as in CI)
//! has none and runs everything; `BOOK_RERUN=1` ignores them.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;

pub struct Key(PathBuf);

impl Key {
    pub fn of(parts: &[&str]) -> Key {
        let mut hasher = DefaultHasher::new();
        parts.hash(&mut hasher);
        Key(PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join("passed")
            .join(format!("{:016x}", hasher.finish())))
    }

    pub fn passed_before(&self) -> bool {
        std::env::var_os("BOOK_RERUN").is_none_or(|rerun| rerun.is_empty()) && self.0.exists()
    }

    /// Best effort: a pass that cannot be written down is only run again next time.
    pub fn remember(&self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(&self.0, "");
    }
}
