//! Remembers runs that passed, so a warm `cargo test` runs only what changed.
//!
//! A key hashes everything a run's verdict depends on: its own inputs (the
//! program as the page shows it, the shown outputs and diagnostics, the
//! interpreter's path and reported version) and the context every run shares
//! (the harness's source, skeptic's, `Cargo.toml`, `Cargo.lock`, rustc's
//! version, the target). A pass leaves an empty file named by the key in
//! cargo's tmp dir for tests; a failure leaves nothing. A fresh clone (as in
//! CI) has none and runs everything; `BOOK_RERUN=1` ignores them.
//! `BOOK_RUN_LOG=file` appends a line for every run really made, which
//! `ci/cache-test.sh` reads to prove that a changed input is run again.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::LazyLock;

/// The inputs every verdict shares; a change to any of them (or to rustc's
/// version) reruns everything.
const HARNESS: &[&str] = &[
    include_str!("main.rs"),
    include_str!("bless.rs"),
    include_str!("book.rs"),
    include_str!("compare.rs"),
    include_str!("diagnostic.rs"),
    include_str!("packages.rs"),
    include_str!("extension.rs"),
    include_str!("quiz.rs"),
    include_str!("reader_deps.rs"),
    include_str!("lints.rs"),
    include_str!("listings.rs"),
    include_str!("markdown.rs"),
    include_str!("passed.rs"),
    include_str!("python.rs"),
    include_str!("rust.rs"),
    include_str!("versions.rs"),
    include_str!("../../build.rs"),
    include_str!("testmod.rs"),
    include_str!("../../vendor/skeptic/src/rt.rs"),
    include_str!("../../vendor/skeptic/src/binary_cache.rs"),
    include_str!("../../Cargo.toml"),
    include_str!("../../Cargo.lock"),
    crate::TARGET,
];

static CONTEXT_HASH: LazyLock<u64> = LazyLock::new(|| {
    let mut hasher = DefaultHasher::new();
    HARNESS.hash(&mut hasher);
    rustc_version().hash(&mut hasher);
    hasher.finish()
});

/// `rustc -vV` of the compiler skeptic builds the listings with (the one on
/// `PATH`, or `$RUSTC`), asked when the tests run: a toolchain changed without
/// rebuilding the tests still reruns everything.
fn rustc_version() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let output = std::process::Command::new(&rustc)
        .arg("-vV")
        .output()
        .unwrap_or_else(|e| panic!("{rustc} -vV: {e}"));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub struct Key {
    file: PathBuf,
    /// What the run is, for `BOOK_RUN_LOG`.
    run: String,
}

impl Key {
    pub fn of(run: String, inputs: &[&str]) -> Key {
        let mut hasher = DefaultHasher::new();
        CONTEXT_HASH.hash(&mut hasher);
        inputs.hash(&mut hasher);
        Key {
            file: PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
                .join("passed")
                .join(format!("{:016x}", hasher.finish())),
            run,
        }
    }

    /// True when this very run passed before; otherwise the run is logged
    /// and must be made.
    pub fn passed_before(&self) -> bool {
        let rerun = std::env::var_os("BOOK_RERUN").is_some_and(|rerun| !rerun.is_empty());
        if !rerun && self.file.exists() {
            return true;
        }
        if let Some(log) = std::env::var_os("BOOK_RUN_LOG") {
            let line = format!("{}\n", self.run);
            let appended = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&log)
                .and_then(|mut file| file.write_all(line.as_bytes()));
            appended.unwrap_or_else(|e| panic!("BOOK_RUN_LOG {}: {e}", log.display()));
        }
        false
    }

    /// Best effort: a pass that cannot be written down is only run again next time.
    pub fn remember(&self) {
        if let Some(dir) = self.file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(&self.file, "");
    }
}
