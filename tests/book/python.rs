//! Python listings: each runs on every CPython the book promises
//! (`[package.metadata.book] python-versions` in `Cargo.toml`) that this
//! machine has, from its caption's «Python 3.N+» on, and must print a shown
//! output and nothing on stderr on each of them. A listing that imports an
//! extension module (`extension.rs`) gets it on `PYTHONPATH`; one that shows a
//! `panic.txt` (a panic in that module) must print its lines on stderr instead.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use crate::compare::compare;
use crate::passed::Key;
use crate::{PythonShown, Shown, pythons, testmod};
use crate::{extension, packages};

/// With this set (as in CI), a promised version this machine lacks is an error.
const REQUIRE_ALL: &str = "BOOK_REQUIRE_ALL_PYTHONS";

struct Interpreter {
    /// `3.11`, as the book names versions.
    version: &'static str,
    /// `3.11.7`, as the interpreter reports it.
    release: String,
    path: PathBuf,
}

/// Found once per test run, and said once on stderr (which the test harness
/// does not capture), so every run tells which Pythons it checked.
static INTERPRETERS: LazyLock<Vec<Interpreter>> = LazyLock::new(|| {
    let found: Vec<Interpreter> = pythons().iter().filter_map(|v| find(v)).collect();
    let missing: Vec<&str> = pythons()
        .iter()
        .map(String::as_str)
        .filter(|v| !found.iter().any(|i| i.version == *v))
        .collect();
    let ran: Vec<String> = found
        .iter()
        .map(|i| format!("{} ({})", i.release, i.path.display()))
        .collect();
    let _ = writeln!(
        std::io::stderr(),
        "Python для листингов: {}; не найдены: {}",
        if ran.is_empty() {
            "—".to_owned()
        } else {
            ran.join(", ")
        },
        if missing.is_empty() {
            "—".to_owned()
        } else {
            missing.join(", ")
        }
    );
    found
});

/// The first candidate that really is this version: `python3.N` on `PATH`,
/// pyenv's builds of 3.N (newest first), then `python3`. Version managers'
/// shims are skipped: each call through one costs about 0.1 s of CPU.
fn find(version: &'static str) -> Option<Interpreter> {
    let name = format!("python{version}");
    let on_path = |name: &str| -> Vec<PathBuf> {
        std::env::var_os("PATH")
            .map(|path| {
                std::env::split_paths(&path)
                    .filter(|dir| !dir.ends_with("shims"))
                    .map(|dir| dir.join(name))
                    .filter(|file| file.is_file())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut candidates = on_path(&name);
    candidates.extend(pyenv_builds(version, &name));
    candidates.extend(on_path("python3"));
    candidates.into_iter().find_map(|path| {
        let release = release_of(&path)?;
        let minor = release.strip_prefix(version)?;
        minor.starts_with('.').then_some(Interpreter {
            version,
            release,
            path,
        })
    })
}

fn pyenv_builds(version: &str, name: &str) -> Vec<PathBuf> {
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".pyenv")));
    let Some(Ok(entries)) = root.map(|root| std::fs::read_dir(root.join("versions"))) else {
        return Vec::new();
    };
    let mut builds: Vec<(u32, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let dir = entry.file_name().into_string().ok()?;
            let patch = dir.strip_prefix(version)?.strip_prefix('.')?.parse().ok()?;
            Some((patch, entry.path().join("bin").join(name)))
        })
        .collect();
    builds.sort_by_key(|build| std::cmp::Reverse(build.0));
    builds.into_iter().map(|(_, path)| path).collect()
}

fn release_of(python: &Path) -> Option<String> {
    let output = Command::new(python)
        .args(["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"])
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    Some(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// `"3.11"` → `(3, 11)`; the versions come from `Cargo.toml` and captions,
/// both checked by the lints (`lints.rs`).
fn parse(version: &str) -> (u32, u32) {
    let (major, minor) = version.split_once('.').unwrap();
    (major.parse().unwrap(), minor.parse().unwrap())
}

/// The interpreters found that a listing runs on: from its «Python 3.N+» on.
fn interpreters_for(python: &PythonShown) -> impl Iterator<Item = &'static Interpreter> {
    let since = parse(python.since);
    INTERPRETERS
        .iter()
        .filter(move |i| parse(i.version) >= since)
}

/// `tests`: the listing is a test module, run by unittest (`tests/book/testmod.rs`).
pub fn check_python(
    python: &PythonShown,
    outputs: &[&Shown],
    panic: Option<&Shown>,
    tests: bool,
) -> Result<(), String> {
    let shown = &python.shown;
    let wanted: Vec<&Interpreter> = interpreters_for(python).collect();
    let mut failures = Vec::new();
    if std::env::var_os(REQUIRE_ALL).is_some() {
        for version in pythons().iter().filter(|v| parse(v) >= parse(python.since)) {
            if !wanted.iter().any(|i| i.version == *version) {
                failures.push(format!(
                    "{}: {}: Python {version} не найден, а {REQUIRE_ALL} требует все версии, которые обещает книга",
                    shown.at, shown.file
                ));
            }
        }
    }
    if wanted.is_empty() {
        failures.push(format!(
            "{}: {}: не найден ни один Python из {}, на котором листинг должен работать (от {})",
            shown.at,
            shown.file,
            pythons().join(", "),
            python.since
        ));
    }
    let program = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(shown.file))
        .map_err(|e| format!("{}: {}: {e}", shown.at, shown.file))?;
    let runs: Vec<Result<(), String>> = std::thread::scope(|scope| {
        let runs: Vec<_> = wanted
            .iter()
            .map(|interpreter| {
                scope.spawn(|| run_on(interpreter, python, &program, outputs, panic, tests))
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    failures.extend(runs.into_iter().filter_map(Result::err));
    // a module that does not build fails every interpreter's run the same way: say it once
    failures.dedup();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n\n"))
    }
}

fn run_on(
    python: &Interpreter,
    listing: &PythonShown,
    program: &str,
    outputs: &[&Shown],
    panic: Option<&Shown>,
    tests: bool,
) -> Result<(), String> {
    let shown = &listing.shown;
    let path = python.path.to_string_lossy();
    let mut inputs = vec![path.as_ref(), &python.release, shown.file, program];
    inputs.extend(outputs.iter().map(|output| output.text));
    // a listing with packages also depends on the pins they come from
    let requirements = match packages::wanted(shown.file, program)? {
        Some(_) => packages::requirements()?,
        None => String::new(),
    };
    inputs.push(&requirements);
    inputs.extend(listing.imports.iter().flat_map(|e| e.key_inputs()));
    inputs.extend(panic.map(|panic| panic.text));
    let how = if tests {
        "python -m unittest"
    } else {
        "python"
    };
    let key = Key::of(format!("{how} {} {}", python.release, shown.file), &inputs);
    if key.passed_before() {
        return Ok(());
    }
    let stdout = run(python, listing, panic, tests)?;
    if tests {
        testmod::compare_report(shown, &stdout, outputs)
    } else {
        compare(shown, &stdout, outputs)
    }
    .map_err(|e| format!("[Python {}] {e}", python.release))?;
    key.remember();
    Ok(())
}

/// A Python program's stdout; an error when it fails or writes to stderr
/// (other than the lines of the `panic.txt` it shows, which it must write).
/// With `tests`, the report of its tests.
fn run(
    python: &Interpreter,
    listing: &PythonShown,
    panic: Option<&Shown>,
    tests: bool,
) -> Result<String, String> {
    let shown = &listing.shown;
    // `-W default` shows every warning, deprecations included: the listings
    // must not teach what a newer Python warns about.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(shown.file);
    let program =
        std::fs::read_to_string(file).map_err(|e| format!("{}: {}: {e}", shown.at, shown.file))?;
    let executable = match packages::wanted(shown.file, &program)? {
        Some(_) => packages::environment(&python.path, &python.release)?,
        None => python.path.clone(),
    };
    let mut command = Command::new(&executable);
    command
        .args(["-W", "default"])
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8");
    if tests {
        testmod::unittest(&mut command, shown.file);
    } else {
        command
            .arg(shown.file)
            .current_dir(env!("CARGO_MANIFEST_DIR"));
    }
    if let Some(imported) = listing.imports {
        let dir = extension::importable(imported).map_err(|e| {
            format!(
                "{}: {} импортирует модуль, который не собрался:\n{e}",
                shown.at, shown.file
            )
        })?;
        command.env("PYTHONPATH", dir);
    }
    let output = command.output().map_err(|e| {
        format!(
            "{}: не удалось запустить Python {} ({}) {}: {e}",
            shown.at,
            python.release,
            python.path.display(),
            shown.file
        )
    })?;
    if tests {
        return testmod::python_report(shown, &python.release, &output);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || (panic.is_none() && !stderr.is_empty()) {
        return Err(format!(
            "{}: {} на Python {} завершилась с {} и напечатала в stderr:\n{stderr}",
            shown.at, shown.file, python.release, output.status
        ));
    }
    if let Some(panic) = panic {
        let missing = lines_missing(panic, &stderr);
        if !missing.is_empty() {
            return Err(format!(
                "{}: {} на Python {} не напечатала в stderr строк, которые показаны в {}: {missing:?}; stderr:\n{stderr}",
                shown.at, shown.file, python.release, panic.file
            ));
        }
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Every distinct stdout of `runs` runs on each Python the listing runs on,
/// in the order first seen (for `BOOK_BLESS`).
pub fn outputs_seen(
    python: &PythonShown,
    panic: Option<&Shown>,
    runs: usize,
    tests: bool,
) -> Result<Vec<String>, String> {
    let mut seen: Vec<String> = Vec::new();
    for interpreter in interpreters_for(python) {
        for _ in 0..runs {
            let stdout = run(interpreter, python, panic, tests)?;
            if !seen.contains(&stdout) {
                seen.push(stdout);
            }
        }
    }
    Ok(seen)
}

/// The lines of an extension's `panic.txt` that stderr lacks. Its panic
/// comes through Python's stderr beside the traceback it raises, so the
/// shown lines must be found there rather than equal it.
fn lines_missing<'a>(shown: &'a Shown, stderr: &str) -> Vec<&'a str> {
    shown
        .text
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !stderr.contains(line))
        .collect()
}
