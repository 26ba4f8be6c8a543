"""ci/typography.sh: Russian typography and the glossary's terms in the prose of the given
Markdown files. Prints `file:line: …` for each problem.

The glossary (the glossary.md among the files, else src/glossary.md) is the one source of
terms: a word of its «Не пишем» column is reported anywhere in prose, in any inflection
(Snowball stems), except inside a marked quotation of the seed, <span class="seed">…</span>,
and in the glossary itself; a term written with ё is reported when written with е.
"""

import re
import sys

import snowballstemmer

from prose import CODE, prose_lines, seed_quote, words, glossary

GLOSSARY = "src/glossary.md"
LETTER = "A-Za-zА-Яа-яЁё"

# (pattern, message); each is one rule with its own case in ci/gates/cases/typography/.
RULES = [
    (re.compile(r'"'), "прямая кавычка \" — пишем «ёлочки» (внутри них — „лапки“)"),
    (re.compile(r"(?:^|(?<=\s))-{1,3}(?=\s|$)"), "дефис вместо тире — пишем « — » (длинное тире с пробелами)"),
    (re.compile(r"(?:^|(?<=\s))–(?=\s|$)"), "короткое тире вместо длинного — пишем « — »; «–» только в диапазонах (1–2)"),
    (re.compile(rf"(?<=[{LETTER}{CODE}])—|—(?=[{LETTER}{CODE}])"), "тире без пробелов — пишем « — »"),
    (re.compile(r"(?<=\S) {2,}(?=\S)"), "два пробела подряд"),
    (re.compile(r"(?<=\S)\s+(?:[,;:!?]|\.(?![\w.]))"), "пробел перед знаком препинания"),
]


def quote_nesting(lines):
    """(line, message) where quotes pair wrongly: «ёлочки» nest in «ёлочки», „лапки“ stand
    outside «ёлочек», or English “…” stand for either."""
    english = "английская кавычка “…” — пишем «ёлочки» (внутри них — „лапки“)"
    depth, lapki, block = 0, False, None
    for line in lines:
        if line.block != block:
            depth, lapki, block = 0, False, line.block
        for char in line.text:
            if char == "«":
                if depth:
                    yield line.line, "«ёлочки» внутри «ёлочек» — внутри пишем „лапки“"
                depth += 1
            elif char == "»":
                depth = max(0, depth - 1)
            elif char == "„":
                if not depth:
                    yield line.line, "„лапки“ вне «ёлочек» — снаружи пишем «ёлочки»"
                lapki = True
            elif char == "“" and lapki:
                lapki = False
            elif char in "“”":
                yield line.line, english


_stemmers = {"ru": snowballstemmer.stemmer("russian"), "en": snowballstemmer.stemmer("english")}


def stem(word):
    word = word.lower().replace("ё", "е")
    return _stemmers["ru" if re.search("[а-я]", word) else "en"].stemWord(word)


def glossary_phrases(path):
    """[(stems of a phrase, message)] for each avoided synonym and each е-spelling of a ё-term."""
    phrases = []
    for term, avoided in glossary(path):
        for phrase in avoided:
            stems = tuple(stem(w) for _, _, w in words(phrase))
            phrases.append((stems, f"«{phrase}» — по глоссарию пишем «{term}» ({path})", False))
        if "ё" in term.lower():
            stems = tuple(stem(w) for _, _, w in words(term))
            phrases.append((stems, f"«{term.replace('ё', 'е')}» — по глоссарию пишем «{term}» ({path})", True))
    return phrases


def glossary_problems(lines, phrases):
    """(line, message) for each glossary phrase found, a word sequence within one block."""
    blocks = {}
    for line in lines:
        for start, end, word in words(line.text):
            if not seed_quote(line, start, end):
                blocks.setdefault(line.block, []).append((line.line, word, stem(word)))
    for seq in blocks.values():
        for stems, message, yo_term in phrases:
            for i in range(len(seq) - len(stems) + 1):
                window = seq[i : i + len(stems)]
                if tuple(s for _, _, s in window) != stems:
                    continue
                # Stems ignore ё, so a ё-term matches itself too: report only its е-spelling.
                if yo_term and any("ё" in w.lower() for _, w, _ in window):
                    continue
                yield window[0][0], message


def main(args):
    glossary_path = next((a for a in args if a.endswith("/glossary.md")), GLOSSARY)
    phrases = glossary_phrases(glossary_path)
    problems = []
    for path in args:
        lines = prose_lines(open(path, encoding="utf-8").read())
        found = [(l.line, msg) for l in lines for rx, msg in RULES for _ in rx.finditer(l.text)]
        found += quote_nesting(lines)
        if path != glossary_path:
            found += glossary_problems(lines, phrases)
        problems += [f"{path}:{n}: {msg}" for n, msg in sorted(found, key=lambda p: p[0])]
    print("\n".join(problems), end="\n" if problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
