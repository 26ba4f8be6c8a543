"""ci/linkcheck.sh: turns hyperlink 0.3.2's report (stdin) into `file:line: …` lines.

hyperlink prints a file, then `  error: bad link /HREF [at line N]` for each broken link
in it. With --sources, the file is the Markdown source and N the last line of the link's
paragraph — counted without the lines that start with «<» (hyperlink skips them), which
are many here (<figure>); so N is mapped back to the real line, then to the line of that
paragraph that names the link's target. Without a source, the file is the built page.
"""

import os
import sys


def real_line(lines, counted):
    """The real 1-based line of hyperlink's `counted`-th line that does not start with «<»."""
    seen = 0
    for number, line in enumerate(lines, 1):
        if not line.startswith("<"):
            seen += 1
            if seen == counted:
                return number
    return len(lines)


def line_naming(lines, last, names):
    """The line of the paragraph ending at `last` that contains one of `names`, else `last`."""
    for name in names:
        number = last
        while number >= 1 and lines[number - 1].strip():
            if name and name in lines[number - 1]:
                return number
            number -= 1
    return last


def main(site):
    problems, path = [], None
    for raw in sys.stdin:
        raw = raw.rstrip("\n")
        if raw.startswith("  error: bad link /"):
            words = raw.split()
            href = words[3][1:]
            counted = int(words[6]) if words[4:6] == ["at", "line"] else None
            page, _, anchor = href.partition("#")
            page_stem = os.path.splitext(os.path.basename(page))[0]
            if os.path.isfile(os.path.join(site, page)):
                what = f"нет якоря #{anchor} на странице {page}"
            else:
                what = f"нет страницы {page}" + (f" (ссылка на #{anchor})" if anchor else "")
            lines = open(path, encoding="utf-8").read().split("\n")
            names = [anchor, page_stem] if anchor else [page_stem]
            if counted:
                line = line_naming(lines, real_line(lines, counted), names)
            else:  # a built page: the first line that links there
                line = next((n for n, text in enumerate(lines, 1) if f"#{anchor}" in text or page in text), 1)
            problems.append(f"{path}:{line}: битая ссылка: {what}")
        elif raw and not raw.startswith((" ", "Found ", "Reading ", "Checking ")):
            path = raw
    print("\n".join(dict.fromkeys(problems)), end="\n" if problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
