//! Comparing what a program printed with the outputs the book shows.

use crate::Shown;

/// stdout must equal one of the outputs the book shows (several when the OS
/// decides the order), or be empty when the book shows none.
pub fn compare(program: &Shown, stdout: &str, outputs: &[&Shown]) -> Result<(), String> {
    if outputs.iter().any(|output| output.text == stdout)
        || (outputs.is_empty() && stdout.is_empty())
    {
        return Ok(());
    }
    let shown = if outputs.is_empty() {
        "книга не показывает вывода, значит, программа должна молчать".to_owned()
    } else {
        outputs
            .iter()
            .map(|output| format!("--- {} ({}):\n{}", output.file, output.at, output.text))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Err(format!(
        "{}: {} печатает не то, что показано в книге.\n+++ напечатала:\n{stdout}\n{shown}",
        program.at, program.file
    ))
}

/// A unit test of the harness (`UNIT_TESTS` in `main.rs`).
pub fn compare_accepts_only_the_shown_outputs() {
    let program = Shown {
        at: "x.md:1",
        file: "main.py",
        text: "",
    };
    let outputs = [
        Shown {
            at: "x.md:5",
            file: "output.txt",
            text: "a\nb\n",
        },
        Shown {
            at: "x.md:9",
            file: "output-2.txt",
            text: "b\na\n",
        },
    ];
    let outputs: Vec<&Shown> = outputs.iter().collect();
    assert!(compare(&program, "a\nb\n", &outputs).is_ok());
    assert!(compare(&program, "b\na\n", &outputs).is_ok());
    assert!(compare(&program, "a\n", &outputs).is_err());
    assert!(compare(&program, "", &[]).is_ok());
    assert!(compare(&program, "a\n", &[]).is_err());
}
