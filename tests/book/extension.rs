//! Extension modules: a listing folder that shows a `Cargo.toml` and its
//! `src/lib.rs` is a Python module written in Rust (PyO3), and the Python
//! listings of the same chapter folder import it.
//!
//! The crate is built as the page shows it, once per test run, by cargo (the
//! one running these tests) into `target/extensions/`, with
//! `PYO3_BUILD_EXTENSION_MODULE=1` as maturin does and `-D warnings` for the
//! crate itself. Its library is then copied as `<name>.abi3.so` into
//! `target/extensions/python/`, which the Python listings get as `PYTHONPATH`:
//! nothing is installed into the reader's Python.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use crate::Shown;

/// Where cargo builds the extensions: `extensions/` in the target directory
/// these tests were built in (the test runs from `<target>/[<triple>/]debug/deps/`),
/// apart from `debug/`, whose dependencies skeptic links the Rust listings against.
fn target_dir() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| format!("путь теста: {e}"))?;
    let mut target = exe.ancestors().nth(3);
    if target
        .and_then(Path::file_name)
        .is_some_and(|name| name == crate::TARGET)
    {
        target = target.and_then(Path::parent);
    }
    target
        .map(|target| target.join("extensions"))
        .ok_or_else(|| format!("{}: тест запущен не из target/…/deps/", exe.display()))
}

/// An extension crate as the page shows it.
pub struct ExtensionShown {
    pub manifest: Shown,
    pub lib: Shown,
}

impl ExtensionShown {
    /// What a Python run that imports this module depends on, for its pass-cache key.
    pub fn key_inputs(&self) -> [&'static str; 4] {
        [
            self.manifest.file,
            self.manifest.text,
            self.lib.file,
            self.lib.text,
        ]
    }
}

/// A build's outcome: the directory to import the module from, or why there is none.
type Build = Result<PathBuf, String>;

/// The directory to put on `PYTHONPATH` for a Python listing that imports
/// `extension`: built at most once per test run; a failed build is reported
/// to every listing that needs it.
pub fn importable(extension: &ExtensionShown) -> Build {
    // held while building: the other tests wait for this build instead of starting their own
    static BUILDS: Mutex<BTreeMap<&str, Build>> = Mutex::new(BTreeMap::new());
    BUILDS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(extension.manifest.file)
        .or_insert_with(|| build(extension))
        .clone()
}

fn build(extension: &ExtensionShown) -> Build {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = &extension.manifest;
    let name = package_name(manifest)?;
    let target_dir = target_dir()?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(&cargo)
        .args(["rustc", "--locked", "--lib", "--quiet", "--manifest-path"])
        .arg(manifest.file)
        .arg("--target-dir")
        .arg(&target_dir)
        .args(["--", "-D", "warnings"])
        .current_dir(root)
        .env("PYO3_BUILD_EXTENSION_MODULE", "1")
        // no debug info: the module is built for one run of the listings, and it links faster
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .output()
        .map_err(|e| {
            format!(
                "{}: {}: не удалось запустить cargo: {e}",
                manifest.at, manifest.file
            )
        })?;
    if !output.status.success() {
        return Err(format!(
            "{}: модуль расширения {} не собирается:\n{}",
            extension.lib.at,
            extension.lib.file,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let library = target_dir.join("debug").join(format!(
        "{}{name}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    let python_dir = target_dir.join("python");
    let module = python_dir.join(format!("{name}.abi3.so"));
    // copy, then rename: a Python started meanwhile sees the old file or the new one, never half of one
    let partial = python_dir.join(format!(".{name}.abi3.so.partial"));
    std::fs::create_dir_all(&python_dir)
        .and_then(|()| std::fs::copy(&library, &partial))
        .and_then(|_| std::fs::rename(&partial, &module))
        .map_err(|e| {
            format!(
                "{}: {}: собранная библиотека {} не копируется в {}: {e}",
                manifest.at,
                manifest.file,
                library.display(),
                module.display()
            )
        })?;
    Ok(python_dir)
}

/// The Python module's name: the library's (`[lib] name`, else `[package]
/// name` with `_` for `-`, as cargo names it); `#[pymodule]` must carry the same.
fn package_name(manifest: &Shown) -> Result<String, String> {
    let mut section = "";
    let (mut lib, mut package) = (None, None);
    for line in manifest.text.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
        } else if let Some(value) = line.strip_prefix("name").map(str::trim_start)
            && let Some(value) = value.strip_prefix('=')
        {
            let name = value.trim().trim_matches('"').replace('-', "_");
            match section {
                "[lib]" => lib = Some(name),
                "[package]" => package = Some(name),
                _ => {}
            }
        }
    }
    lib.or(package).ok_or_else(|| {
        format!(
            "{}: в {} нет name в [package]: как называется модуль?",
            manifest.at, manifest.file
        )
    })
}
