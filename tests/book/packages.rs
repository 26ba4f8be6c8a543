//! Python listings with third-party packages. Such a listing names them in its
//! first line, as the command a reader runs: `# pip install fastapi uvicorn httpx`.
//! Each name must be pinned in `requirements.txt` (with hashes, for every
//! Python the book promises); the listing then runs with a virtual environment
//! made from that file on first use, one per interpreter, under
//! `target/tmp/python-packages/`. Other Python listings never see it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, LazyLock, Mutex};

pub const REQUIREMENTS: &str = "requirements.txt";
const FIRST_LINE: &str = "# pip install ";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `requirements.txt` as the tests read it (also a pass-cache input).
pub fn requirements() -> Result<String, String> {
    std::fs::read_to_string(root().join(REQUIREMENTS)).map_err(|e| format!("{REQUIREMENTS}:1: {e}"))
}

/// pip's normal form of a distribution name (PEP 503).
fn normal(name: &str) -> String {
    name.to_lowercase().replace(['_', '.'], "-")
}

/// The packages a program's first line asks for, each checked against
/// `requirements.txt`; `None` for a program that asks for none.
pub fn wanted(file: &str, program: &str) -> Result<Option<Vec<String>>, String> {
    let Some(names) = program
        .lines()
        .next()
        .and_then(|line| line.strip_prefix(FIRST_LINE))
    else {
        return Ok(None);
    };
    let requirements = requirements()?;
    let pinned: Vec<String> = requirements
        .lines()
        .filter_map(|line| line.split_once("=="))
        .map(|(name, _)| normal(name.trim()))
        .collect();
    let names: Vec<String> = names.split_whitespace().map(str::to_owned).collect();
    if names.is_empty() {
        return Err(format!("{file}:1: «{FIRST_LINE}» без имён пакетов"));
    }
    for name in &names {
        if !pinned.contains(&normal(name)) {
            return Err(format!(
                "{file}:1: пакет {name} не закреплён в {REQUIREMENTS}: добавьте его в requirements.in и пересоберите {REQUIREMENTS} командой из его заголовка"
            ));
        }
    }
    Ok(Some(names))
}

/// One lock per environment: the interpreters' runs of one listing go in
/// parallel, and two listings must not build the same environment at once.
static BUILDING: LazyLock<Mutex<HashMap<PathBuf, Arc<Mutex<()>>>>> =
    LazyLock::new(Default::default);

/// The Python of the environment for this interpreter (`release`, as
/// `3.11.7`), made or remade when `requirements.txt` differs from the one it
/// was made from.
pub fn environment(python: &Path, release: &str) -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("python-packages")
        .join(release);
    let lock = Arc::clone(BUILDING.lock().unwrap().entry(dir.clone()).or_default());
    let _building = lock.lock().unwrap();
    let requirements = requirements()?;
    let stamp = dir.join("made-from-requirements.txt");
    let executable = dir.join("bin").join("python3");
    if std::fs::read_to_string(&stamp).is_ok_and(|made| made == requirements) {
        return Ok(executable);
    }
    let failed = |what: &str, detail: String| {
        format!(
            "{REQUIREMENTS}:1: не удалось поставить пакеты для Python {release} ({}) в {}: {what}\n{detail}",
            python.display(),
            dir.display()
        )
    };
    let _ = std::fs::remove_dir_all(&dir);
    let run = |command: &mut Command, what: &str| -> Result<(), String> {
        let output = command.output().map_err(|e| failed(what, e.to_string()))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(failed(
                what,
                String::from_utf8_lossy(&output.stderr).into_owned(),
            ))
        }
    };
    // Debian's python3.N needs the python3-venv package for this.
    run(
        Command::new(python).args(["-m", "venv"]).arg(&dir),
        "python -m venv (в Debian нужен пакет python3-venv)",
    )?;
    run(
        Command::new(&executable)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-input",
            ])
            .args([
                "--require-hashes",
                "--no-deps",
                "--only-binary",
                ":all:",
                "-r",
            ])
            .arg(root().join(REQUIREMENTS)),
        "pip install --require-hashes",
    )?;
    std::fs::write(&stamp, &requirements).map_err(|e| failed("запись метки", e.to_string()))?;
    Ok(executable)
}
