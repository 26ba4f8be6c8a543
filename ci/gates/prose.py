"""The prose of the book's Markdown, line by line, for ci/spellcheck.sh and ci/typography.sh.

markdown-it-py (CommonMark + tables, as mdBook renders) parses each file, so code blocks,
inline code, link targets, autolinks and HTML tags never reach a check, and every piece of
text keeps the line it came from. Text inside raw HTML (<figcaption>…) is read with the
standard HTML parser, skipping <code>, <pre>, <script> and <style>.
"""

import html.parser
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

# Stands where inline code or an HTML element stood, so «`a` ,» still shows the space
# before the comma while no word or quote inside the code is seen.
CODE = "\ufffc"
# mdBook's own syntax that is not prose: {{#include …}} and a heading's {#id .class}.
MDBOOK_SYNTAX = re.compile(r"\{\{#[^}]*\}\}|\s*\{[#.][^}]*\}\s*$")
URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")
# A quotation of the seed keeps the seed's words: <span class="seed">событийный цикл</span>.
SEED_CLASS = "seed"
SKIPPED_HTML = {"code", "pre", "script", "style", "kbd", "samp"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base"}


@dataclass
class Line:
    """One source line's prose within one block (a paragraph, heading, table cell…)."""

    line: int  # 1-based
    block: int  # lines of one block share it, so a phrase may span a line break
    kind: str = "paragraph"  # the block's kind: paragraph, item, heading, cell or html
    text: str = ""
    seed: list = field(default_factory=list)  # (start, end) spans quoting the seed


class _Collector:
    def __init__(self):
        self.lines = []
        self.block = 0
        self.kind = "paragraph"

    def new_block(self, kind=None):
        self.block += 1
        self.kind = kind or self.kind

    def add(self, line, text, seed=False):
        text = URL.sub(CODE, MDBOOK_SYNTAX.sub("", text))
        if not self.lines or self.lines[-1].line != line or self.lines[-1].block != self.block:
            self.lines.append(Line(line, self.block, self.kind))
        current = self.lines[-1]
        if seed:
            current.seed.append((len(current.text), len(current.text) + len(text)))
        current.text += text


class _HtmlProse(html.parser.HTMLParser):
    """Text of a raw HTML block, without tags, attributes or code."""

    def __init__(self, out, first_line):
        super().__init__(convert_charrefs=True)
        self.out, self.first_line = out, first_line
        self.skip = 0
        self.seed = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_HTML:
            self.skip += 1
            self.out.add(self.first_line + self.getpos()[0] - 1, CODE)
        if tag not in VOID:
            self.seed.append(SEED_CLASS in (dict(attrs).get("class") or "").split())
        if tag in ("p", "div", "figcaption", "li", "td", "th", "figure", "br"):
            self.out.new_block()

    def handle_endtag(self, tag):
        if tag in SKIPPED_HTML:
            self.skip = max(0, self.skip - 1)
        if self.seed and tag not in VOID:
            self.seed.pop()

    def handle_data(self, data):
        if self.skip:
            return
        line = self.first_line + self.getpos()[0] - 1
        for offset, part in enumerate(data.split("\n")):
            self.out.add(line + offset, part, any(self.seed))



def _inline(children, first_line, out):
    """Walks an inline token's children; softbreaks and hardbreaks advance the line."""
    line = first_line
    autolink = 0
    seed = []
    for tok in children:
        if tok.type in ("softbreak", "hardbreak"):
            line += 1
        elif tok.type == "text" and not autolink:
            out.add(line, tok.content, any(seed))
        elif tok.type == "code_inline":
            out.add(line, CODE)
        elif tok.type == "link_open" and tok.markup == "autolink":
            autolink += 1
            out.add(line, CODE)
        elif tok.type == "link_close" and autolink:
            autolink -= 1
        elif tok.type == "html_inline":
            tag = re.match(r"<(/?)([A-Za-z][\w-]*)([^>]*)>", tok.content)
            if not tag:
                continue  # a comment
            closing, name, attrs = tag.groups()
            if name.lower() in SKIPPED_HTML:
                out.add(line, CODE)
            if name.lower() in VOID or attrs.rstrip().endswith("/"):
                continue
            if closing:
                if seed:
                    seed.pop()
            else:
                classes = re.search(r"""class\s*=\s*["']([^"']*)["']""", attrs)
                seed.append(bool(classes and SEED_CLASS in classes.group(1).split()))
        elif tok.type == "image":
            out.add(line, CODE)
    return out


_MD = MarkdownIt("commonmark").enable("table")


def _kind(opened):
    """The kind of the block an inline token belongs to, from the blocks open around it."""
    if opened and opened[-1] in ("th_open", "td_open"):
        return "cell"
    if opened and opened[-1] == "heading_open":
        return "heading"
    return "item" if "list_item_open" in opened else "paragraph"


def prose_lines(source):
    """The prose of a Markdown document as a list of Line, in source order."""
    out = _Collector()
    opened = []  # the block tokens the current one sits in
    for tok in _MD.parse(source):
        if tok.nesting == 1:
            opened.append(tok.type)
        elif tok.nesting == -1 and opened:
            opened.pop()
        if tok.type == "inline" and tok.map:
            out.new_block(_kind(opened))
            _inline(tok.children or [], tok.map[0] + 1, out)
        elif tok.type == "html_block" and tok.map:
            out.new_block("html")
            parser = _HtmlProse(out, tok.map[0] + 1)
            parser.feed(tok.content)
            parser.close()
    return out.lines


def seed_quote(line, start, end):
    """Whether text[start:end] of a Line lies inside a marked quotation of the seed."""
    return any(a <= start and end <= b for a, b in line.seed)


WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:['’-][A-Za-zА-Яа-яЁё]+)*")


def words(text):
    """(start, end, word) for each word; one with a digit or underscore is an identifier."""
    for m in WORD.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isdigit() or after.isdigit() or "_" in (before, after):
            continue
        yield m.start(), m.end(), m.group()


def glossary(path):
    """(term, [avoided synonyms]) from the glossary's table: columns «Термин» and «Не пишем»."""
    tokens = _MD.parse(open(path, encoding="utf-8").read())
    rows, row, cell = [], None, None
    for tok in tokens:
        if tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            cell = []
        elif tok.type == "inline" and cell is not None:
            cell.append("".join(c.content for c in tok.children or [] if c.type == "text"))
        elif tok.type in ("th_close", "td_close"):
            row.append(" ".join(cell).strip())
            cell = None
        elif tok.type == "tr_close":
            rows.append(row)
    if not rows or "Термин" not in rows[0] or "Не пишем" not in rows[0]:
        raise SystemExit(f"{path}:1: нет таблицы со столбцами «Термин» и «Не пишем»")
    term_col, avoid_col = rows[0].index("Термин"), rows[0].index("Не пишем")
    return [
        (r[term_col], [s.strip() for s in r[avoid_col].split(",") if s.strip()])
        for r in rows[1:]
    ]
