"""ci/spellcheck.sh: the prose of the given Markdown files against hunspell's ru_RU and
en_US dictionaries plus the project's ci/dictionary.txt. Prints `file:line: …` for each
unknown word; with --list, prints each unknown word once instead, to grow the dictionary;
with --whole-book, also reports dictionary words the book no longer uses."""

import subprocess
import sys

from prose import prose_lines, words

DICTIONARY = "ci/dictionary.txt"


def dictionary_problems(path):
    """The dictionary must be sorted (case-insensitively), without duplicates or blanks."""
    problems = []
    entries = open(path, encoding="utf-8").read().split("\n")
    if entries and entries[-1] == "":
        entries.pop()
    for number, (before, word) in enumerate(zip([None] + entries, entries), 1):
        if word != word.strip() or not word:
            problems.append(f"{path}:{number}: пустая строка или пробелы вокруг слова")
        elif before is not None and sort_key(before) >= sort_key(word):
            problems.append(f"{path}:{number}: «{word}» не по порядку или повторяется")
    return problems


def sort_key(word):
    return (word.casefold(), word)


def unknown(candidates):
    """The candidates hunspell rejects; one word per line in its pipe mode (-a)."""
    run = subprocess.run(
        ["hunspell", "-a", "-i", "utf-8", "-d", "ru_RU,en_US", "-p", DICTIONARY],
        input="".join(f"^{w}\n" for w in candidates),
        capture_output=True,
        text=True,
        check=True,
    )
    # After the banner, each input line answers with one line per token and a blank line.
    answers = run.stdout.split("\n", 1)[1].split("\n\n")
    return {
        word
        for word, answer in zip(candidates, answers)
        if any(line[:1] in ("&", "#") for line in answer.splitlines())
    }


def unused_entries(path, seen):
    """Dictionary words the book no longer uses (checked only on the whole book)."""
    seen = {w.casefold() for w in seen}
    entries = open(path, encoding="utf-8").read().split("\n")
    return [
        f"{path}:{n}: «{w}» в книге больше не встречается — уберите из словаря"
        for n, w in enumerate(entries, 1)
        if w and w.casefold() not in seen
    ]


def main(args):
    listing = args[:1] == ["--list"]
    whole_book = args[:1] == ["--whole-book"]
    files = args[1:] if listing or whole_book else args
    found = []  # (file, line, word)
    for path in files:
        for line in prose_lines(open(path, encoding="utf-8").read()):
            # hunspell's Russian dictionary splits «веб-сервисов» at the hyphen; so do we.
            found += [
                (path, line.line, part)
                for _, _, word in words(line.text)
                for part in word.split("-")
            ]
    bad = unknown(sorted({w for _, _, w in found}))
    if listing:
        print("\n".join(sorted(bad, key=sort_key)))
        return 0
    problems = dictionary_problems(DICTIONARY)
    if whole_book:
        problems += unused_entries(DICTIONARY, {w for _, _, w in found})
    problems += [f"{p}:{n}: «{w}» — нет в словарях (ru_RU, en_US, {DICTIONARY})" for p, n, w in found if w in bad]
    print("\n".join(problems), end="\n" if problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
