//! The preface's dependency block is pasted by the reader into a project
//! made by `cargo new`, under the `[dependencies]` line it already has: the
//! preface says so, and this check does exactly that with the block as the
//! page shows it, then asks cargo to read the manifest (`cargo new` writes
//! `[dependencies]` itself, so a block that repeats it is a duplicate key).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

const PREFACE: &str = "src/preface.md";

/// The first ```` ```toml ```` block of `text`, without its fences.
fn toml_block(text: &str) -> Option<&str> {
    let start = text.find("```toml\n")? + "```toml\n".len();
    let length = text[start..].find("```")?;
    Some(&text[start..start + length])
}

/// `src/preface.md:N`, the line of the block in the source, for messages.
fn at(root: &Path) -> String {
    let source = fs::read_to_string(root.join(PREFACE)).unwrap_or_default();
    let line = source
        .lines()
        .position(|line| line.starts_with("```toml"))
        .map_or(1, |index| index + 1);
    format!("{PREFACE}:{line}")
}

fn cargo(args: &[&str], manifest: &Path) -> Result<String, String> {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(&cargo)
        .args(args)
        .arg("--manifest-path")
        .arg(manifest)
        .output()
        .map_err(|e| format!("{cargo}: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Pastes the rendered block into a fresh `cargo new` project (outside the
/// book's workspace, which `cargo new` would otherwise join) and has cargo
/// read the manifest; every crate of the block must be a dependency.
pub fn check(root: &Path, rendered_preface: &str) -> Result<(), String> {
    let at = at(root);
    let block = toml_block(rendered_preface)
        .ok_or_else(|| format!("{at}: в предисловии нет блока ```toml с зависимостями"))?;
    let scratch: PathBuf = env::temp_dir().join(format!("book-reader-deps-{}", std::process::id()));
    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let project = scratch.join("listing");
    let made = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["new", "--vcs", "none", "--quiet"])
        .arg(&project)
        .output()
        .map_err(|e| format!("cargo new: {e}"))?;
    if !made.status.success() {
        return Err(format!(
            "cargo new: {}",
            String::from_utf8_lossy(&made.stderr)
        ));
    }
    let manifest = project.join("Cargo.toml");
    let mut text = fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
    text.push_str(block);
    fs::write(&manifest, &text).map_err(|e| e.to_string())?;
    let result = cargo(&["verify-project", "--quiet"], &manifest).and_then(|_| {
        cargo(
            &[
                "metadata",
                "--no-deps",
                "--offline",
                "--format-version",
                "1",
            ],
            &manifest,
        )
    });
    let _ = fs::remove_dir_all(&scratch);
    let metadata = result.map_err(|stderr| {
        format!("{at}: блок, вставленный в Cargo.toml проекта `cargo new`, cargo не принимает:\n{stderr}\n--- Cargo.toml:\n{text}")
    })?;
    for line in block.lines() {
        let name = line.split('=').next().unwrap_or_default().trim();
        if name.is_empty() || name.starts_with('#') || name.starts_with('[') {
            continue;
        }
        if !metadata.contains(&format!("\"name\":\"{name}\"")) {
            return Err(format!(
                "{at}: `{name}` из блока не стал зависимостью проекта `cargo new`\n--- Cargo.toml:\n{text}"
            ));
        }
    }
    Ok(())
}
