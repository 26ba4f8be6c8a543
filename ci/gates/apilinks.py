"""ci/apilinks.sh: each API the book names links to its documentation on first mention.

Usage: python3 ci/gates/apilinks.py [--fix] FILE.md...
The mapping ci/gates/api-links.tsv (`code span<TAB>URL`, or `-` for a code span that is
not an API) is the one source of documentation addresses. Every page is a place a reader
may land on, so per page, in running text (paragraphs, list items, table cells; not
headings, captions or code blocks):
- the first mention of a mapped API is a link to its URL: [`tokio::spawn`](https://…);
  spellings sharing a URL (`asyncio.gather`, `gather`) are one API;
- later mentions stay plain, and a code span linked to API documentation links to the
  mapped URL (the text of a link to a section or to the Rust Book is not a mention);
- a code span that looks like an API (LOOKS_LIKE_API) is in the mapping, so it stays
  complete;
- a heading has no link (mdBook makes its text the anchor).
Every URL of the mapping must pass ci/gates/extlinks.py (docs.rs at the Cargo.lock
version, docs.python.org/3/, std at the rust-version). Prints `file:line: what`.
--unused (given when FILEs are all the book's pages): a mapping line that no page
mentions is reported, so the mapping holds only what the book names.
--fix turns each first mention into its link, unlinks later ones and points links to
API documentation at the mapped URL (after a version bump in the mapping), in place.
"""

import os
import re
import sys

from markdown_it import MarkdownIt

sys.path.insert(0, os.path.dirname(__file__))
from extlinks import locked_versions, problem, rust_version  # noqa: E402

MAPPING = "ci/gates/api-links.tsv"
# A code span that names an API of what the book uses: a Rust path or macro, a type
# written in CamelCase, a Python module's attribute. Anything else (`x`, `await`,
# `cancel()`) is too ambiguous to tell which API it means.
LOOKS_LIKE_API = re.compile(
    r"""^(?:
        \#\[tokio::\w+\]                                  # #[tokio::main]
      | (?:tokio|tokio_util|tokio_stream|futures|rayon|std|core)::[\w:]+!?  # a crate path
      | [A-Z][A-Za-z0-9]*(?:::\w+)*!?                     # JoinSet, Box::pin, Poll::Ready
      | [a-z_]+!                                          # join!, select!
      | [a-z_]\w*(?:::\w+)+!?                              # mpsc::channel, thread::spawn
      | [A-Z]\w*\.\w+                                     # Task.cancel
      | (?:asyncio|threading|concurrent\.futures|multiprocessing|queue|time|contextvars
         |signal|unittest|loop)\.[\w.]+(?:\(\))?         # asyncio.gather, time.sleep()
    )$""",
    re.X,
)

# API documentation: a link there on a mapped code span must be the mapped one.
API_DOCS = re.compile(r"https://(?:docs\.rs/|doc\.rust-lang\.org/[\d.]+/|docs\.python\.org/3/library/)")

# A call or attribute with its arguments names the same API: `asyncio.wait(…, return_when=…)`,
# `tokio::time::sleep(…).await`, `#[tokio::main(flavor = "local")]`.
CALL = re.compile(r"(?:\((?:[^()]|\([^()]*\))*\))?(?:\.await)?;?$")
ATTRIBUTE_ARGS = re.compile(r"^(#\[[\w:]+)\(.*\)\]$")


def api_name(code):
    """The name a code span calls or names: arguments, `.await` and `;` dropped."""
    code = ATTRIBUTE_ARGS.sub(r"\1]", code)
    return CALL.sub("", code) if not code.startswith("#[") else code


_MD = MarkdownIt("commonmark").enable("table")


def read_mapping(path=MAPPING):
    """{code span: URL or None}, {code span: its line} and the problems of the file itself."""
    mapping, lines, problems = {}, {}, []
    versions, rust = locked_versions("."), rust_version(".")
    with open(path, encoding="utf-8") as text:
        for number, line in enumerate(text, 1):
            if not line.strip() or line.startswith("# "):  # `#[tokio::main]` is an API
                continue
            api, sep, url = line.rstrip("\n").partition("\t")
            url = url.strip()
            if not sep or not url:
                problems.append(f"{path}:{number}: нужна строка `код<TAB>адрес` (или `-`)")
                continue
            if api in mapping:
                problems.append(f"{path}:{number}: `{api}` уже есть выше")
            if url != "-" and (what := problem(url, versions, rust)) is not None:
                problems.append(f"{path}:{number}: {what}")
            mapping[api] = None if url == "-" else url
            lines[api] = number
    return mapping, lines, problems


def mentions(source):
    """(line, code, href or None, where) for each code span; where is heading, caption or text."""
    opened = []
    for tok in _MD.parse(source):
        if tok.nesting == 1:
            opened.append(tok.type)
        elif tok.nesting == -1 and opened:
            opened.pop()
        if tok.type != "inline" or not tok.map:
            continue
        where = "heading" if opened and opened[-1] == "heading_open" else "text"
        line, links = tok.map[0] + 1, []
        children = tok.children or []
        for i, child in enumerate(children):
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                # [`x`](url) links x; in [документация `x`](url) the span is link text
                whole = i + 2 < len(children) and children[i + 1].type == "code_inline" \
                    and children[i + 2].type == "link_close"
                links.append(child.attrGet("href") if whole else "")
                if where == "heading":
                    yield line, None, child.attrGet("href"), "heading-link"
            elif child.type == "link_close" and links:
                links.pop()
            elif child.type == "code_inline":
                if links and not links[-1]:
                    continue
                yield line, child.content, links[-1] if links else None, where


def check(path, mapping, used=None):
    """Problems of one page, and the fixes --fix makes: (line, code, what), what being the
    URL to link, None to unlink, or (old URL, mapped URL) to point the link at. Adds the
    mapping's code spans the page mentions to `used`."""
    source = open(path, encoding="utf-8").read()
    first = {}  # URL -> line of its first mention in running text
    problems, fixes = [], []
    for line, code, href, where in mentions(source):
        if where == "heading-link":
            problems.append(f"{path}:{line}: ссылка в заголовке (текст заголовка — его якорь)")
            continue
        if where != "text":
            continue
        name = code if code in mapping else api_name(code)
        if used is not None and name in mapping:
            used.add(name)
        if name not in mapping:
            if LOOKS_LIKE_API.match(name):
                problems.append(f"{path}:{line}: `{code}` похоже на API, но его нет в {MAPPING}"
                                " (адрес документации или `-`)")
            continue
        url = mapping[name]
        if url is None:
            continue
        if href is not None and href != url:
            if not API_DOCS.match(href):
                continue  # the text of a link elsewhere (a section, the Rust Book) is no mention
            problems.append(f"{path}:{line}: `{code}` ведёт на {href}, а в {MAPPING} — {url}")
            fixes.append((line, code, (href, url)))
            href = url  # a linked mention, once fixed
        if url not in first:
            first[url] = line
            if href is None:
                problems.append(f"{path}:{line}: первое упоминание `{code}` на странице — "
                                f"ссылкой: [`{code}`]({url})")
                fixes.append((line, code, url))
        elif href is not None:
            problems.append(f"{path}:{line}: `{code}` уже со ссылкой на строке {first[url]}: "
                            "дальше — без ссылки")
            fixes.append((line, code, None))
    return problems, fixes


def fix(path, fixes):
    """Links the first mentions and unlinks the later ones, line by line, left to right."""
    lines = open(path, encoding="utf-8").read().split("\n")
    for line, code, url in fixes:
        text = lines[line - 1]
        span = f"`{code}`"
        if isinstance(url, tuple):  # another address (an older version): the mapped one
            old, new = url
            text = text.replace(f"[{span}]({old})", f"[{span}]({new})", 1)
        elif url is None:
            # the last link on the line: a first mention on the same line comes before it
            at = text.rindex(f"[{span}](")
            end = text.index(")", at + len(span) + 3)
            text = f"{text[:at]}{span}{text[end + 1:]}"
        else:
            # the first plain occurrence: not inside [..](..) already
            for m in re.finditer(re.escape(span), text):
                if not text[: m.start()].endswith("[") and not text[m.end():].startswith("]("):
                    text = f"{text[: m.start()]}[{span}]({url}){text[m.end():]}"
                    break
        lines[line - 1] = text
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))


def main():
    args = sys.argv[1:]
    fixing, unused = "--fix" in args, "--unused" in args
    files = [arg for arg in args if arg not in ("--fix", "--unused")]
    mapping_path = os.environ.get("APILINKS_MAPPING", MAPPING)  # another mapping: --self-test
    mapping, lines, problems = read_mapping(mapping_path)
    used = set()
    for path in files:
        found, fixes = check(path, mapping, used)
        if fixing and fixes:
            fix(path, fixes)
            found, _ = check(path, mapping)
        problems += found
    if unused:
        problems += [f"{mapping_path}:{lines[api]}: `{api}` "
                     "не упоминается ни на одной странице: уберите строку"
                     for api in mapping if api not in used]
    for what in problems:
        print(what)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
