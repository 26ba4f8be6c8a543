"""ci/typography.sh: Russian typography and the glossary's terms in the prose of the given
Markdown files, the form of listing captions, and the comments of the given listing files
(.py, .rs). Prints `file:line: …` for each problem.

The glossary (the glossary.md among the files, else src/glossary.md) is the one source of
terms: a word of its «Не пишем» column is reported anywhere in prose, in any inflection
(Snowball stems), except inside a marked quotation of the seed, <span class="seed">…</span>,
and in the glossary itself; a term written with ё is reported when written with е.
"""

import io
import re
import sys
import tokenize

import snowballstemmer
from markdown_it import MarkdownIt

from prose import CODE, prose_lines, seed_quote, words, glossary

GLOSSARY = "src/glossary.md"
LETTER = "A-Za-zА-Яа-яЁё"

# (pattern, message); each is one rule with its own case in ci/gates/cases/typography/.
RULES = [
    (re.compile(r'"'), "прямая кавычка \" — пишем «ёлочки» (внутри них — „лапки“)"),
    (re.compile(r"(?:^|(?<=\s))-{1,3}(?=\s|$)"), "дефис вместо тире — пишем « — » (длинное тире с пробелами)"),
    (re.compile(r"(?:^|(?<=\s))–(?=\s|$)"), "короткое тире вместо длинного — пишем « — »; «–» только в диапазонах (1–2)"),
    (re.compile(rf"(?<=[{LETTER}{CODE}])—|—(?=[{LETTER}{CODE}])"), "тире без пробелов — пишем « — »"),
    (re.compile(r"(?<=\S)[ \u00a0\u202f]{2,}(?=\S)"), "два пробела подряд"),
    (re.compile(r"(?<=\S)\s+(?:[,;:!?]|\.(?![\w.]))"), "пробел перед знаком препинания"),
]


NOT_LETTER = r"(?![^\W\d_])"  # the word ends here
# A number as prose writes it: 2, 0,5, 400 000 (already joined by no-break spaces). One
# glued to a hyphen, dot, slash or colon is a listing, section or version number
# («листинг 5-14», «раздел 2.1», «Python 3.13»), not a quantity.
NUMBER = r"(?<![\w.,\-‑/:])\d+(?:[\u00a0\u202f]\d{3})*(?:,\d+)?"
# What a number measures or counts: units (whole words) and stems of counted nouns.
UNITS = "с мс мкс нс мин ч сек КиБ МиБ ГиБ ТиБ КБ МБ ГБ тыс млн млрд".split()
COUNTED = (
    "секунд миллисекунд микросекунд наносекунд минут час байт бит поток ядр ядер процесс "
    "задач корутин футур соединени запрос ответ клиент сервер дескриптор ожидани "
    "вычислени операци строк элемент числ чисел сценари запуск вызов символ сообщени "
    "значени шаг итераци функци программ файл машин тысяч миллион миллиард обновлени "
    "переключени листинг раздел вариант отправител получател канал ветк ветв"
).split()
# Час and раз are stems of other words too («часто», «разные»): their forms are listed.
COUNTED_FORMS = ["часа", "часов", "раз", "раза"]
# «1000 одновременных ожиданий»: one adjective may stand between.
ADJECTIVE = r"[^\W\d_]+(?:ых|их|ые|ие|ый|ий|ой|ая|яя|ое|ее|ую|юю|ым|им|ыми|ими|ого|его|ому|ему|ей) "
QUANTITY = re.compile(
    rf"(?P<number>{NUMBER}) (?:{ADJECTIVE})?(?P<word>(?:{'|'.join(UNITS + COUNTED_FORMS)}){NOT_LETTER}"
    rf"|(?:{'|'.join(COUNTED)})[^\W\d_]*)"
)
# A number after one of these words names a listing, section, version…, not a quantity:
# «в главе 4 потоки…», «Python 3 задачи…».
NAMING_WORD = re.compile(
    r"(?:листинг|раздел|глав|пункт|рисун|таблиц|строк|верси|номер|Python|CPython|Rust"
    r"|tokio|rayon|PEP)[^\W\d_]*\s*$"
)
DIGIT_GROUP = re.compile(r"(?<![\w.,\-‑/:])\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?: \d{3})(?:[ \u00a0\u202f]\d{3})*(?!\d)")


def number_problems(line):
    """(line, message) for a number joined to its unit or counted noun, or a digit group
    split, by a plain space: both are a no-break space U+00A0 («2 секунды», «400 000»)."""
    for m in DIGIT_GROUP.finditer(line.text):
        yield line.line, f"обычный пробел внутри числа «{m.group()}» — пишем неразрывный пробел U+00A0"
    for m in QUANTITY.finditer(line.text):
        if not NAMING_WORD.search(line.text[: m.start()]):
            yield line.line, (
                f"обычный пробел между числом и «{m.group('word')}» — пишем неразрывный пробел U+00A0"
            )


# (pattern, message) for the text of prose, silent inside a marked quotation of the seed.
WORDING = [
    # «задача» is asyncio.Task or a tokio task (src/glossary.md), not a piece of work.
    (
        re.compile(r"(?<![\w/])(?:CPU|I/O|IO)-bound\s+задач[^\W\d_]*"),
        "«{}» — «задача» по глоссарию только asyncio.Task и задача tokio: пишем «вычисления», «работа»",
    ),
    (
        re.compile(r"(?<![\w/])I/O\s+(?:операци|задач|вызов|запрос|нагрузк|библиотек)[^\W\d_]*"),
        "«{}» — пишем через дефис: «I/O-операции» (как «ввод-вывод»)",
    ),
    (re.compile(r"[^\W\d_]*ввод[^\W\d_]*/[^\W\d_]*вывод[^\W\d_]*", re.I), "«{}» — пишем через дефис: «ввод-вывод»"),
    (
        re.compile(
            rf"(?<![^\W\d_])(?:тот|та|то|те|того|той|тому|тем|теми|тех|ту|том){NOT_LETTER}\s+же{NOT_LETTER}"
            rf"[^.;:!?—()«»]{{0,60}}?,\s*что\s+(?:у|в|во|на|с|со|из|при|для|о|об|по|к|от|до|за|под|над){NOT_LETTER}",
            re.I,
        ),
        "«{}» — в сравнении пишем «тот же…, что и у (в…)…»",
    ),
]


def wording_problems(line):
    for rx, message in WORDING:
        for m in rx.finditer(line.text):
            if not seed_quote(line, m.start(), m.end()):
                yield line.line, message.format(m.group().replace(CODE, "…"))


SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})[.!?]\s+(?=\d)|(?<=[»)\ufffc])[.!?]\s+(?=\d)")


def digit_start_problems(lines):
    """(line, message) for a sentence of prose that begins with digits («1000 потоков…»):
    at the start of a paragraph, or after a sentence's end within a line."""
    message = "предложение начинается с цифр — пишем число словом или перестраиваем фразу"
    block = None
    for line in lines:
        first, block = line.block != block, line.block
        if first and line.kind == "paragraph" and re.match(r"\d", line.text):
            yield line.line, message
        for _ in SENTENCE_END.finditer(line.text):
            yield line.line, message


# A calque of "lives / is held across an .await": «живёт через `.await`».
ACROSS_AWAIT = re.compile(
    r"(?<![^\W\d_])(?:жив[её]т|живут|жить|живущ[^\W\d_]*|держ[^\W\d_]*|удержива[^\W\d_]*)"
    r"(?:\s+[^\s.,;:!?]+){0,2}?\s+через\s+(?:`|<code>)?\.await",
    re.I,
)
ACROSS_AWAIT_MESSAGE = (
    "«{}» — калька с across an await: пишем «переживает .await», «держать во время .await»"
)

# Captions (<figcaption>, raw HTML) of listings and their outputs.
LANGUAGE = r"Python|Python 3\.1[0-9]\+|Rust"
LISTING_CAPTION = re.compile(
    rf"Листинг (?P<number>\d+-\d+) — (?P<language>{LANGUAGE}): <code>(?P<file>[^<]+)</code>(?: — \S.*| \(.*)?"
)
OUTPUT_CAPTION = re.compile(
    r"(?:Вывод листинга (?P<number>\d+-\d+)(?: \((?:Python и Rust|Python|Rust)\)|, только (?:Python|Rust))?"
    r"(?:, вариант \d+)?"
    r"|Ответ компилятора на листинг (?P<rustc>\d+-\d+)"
    r"|Сообщение о панике в листинге (?P<panic>\d+-\d+)): <code>(?P<file>[^<]+)</code>"
)
LISTING_FORM = "«Листинг N-M — Python: <code>…</code> — что показывает» (язык: Python, Python 3.N+ или Rust)"
OUTPUT_FORM = (
    "«Вывод листинга N-M (Python и Rust): <code>…</code>» (вместо «(Python и Rust)» — "
    "«(Python)», «(Rust)», «, только Python»; далее, если нужно, «, вариант K»)"
)


def folder_number(path):
    """«5-14» for a path in listings/…/listing-05-14/, else None."""
    m = re.search(r"listing-(\d+)-(\d+)/", path)
    return m and f"{int(m.group(1))}-{int(m.group(2))}"


def caption_problems(figure_class, caption):
    """Messages for one <figcaption>'s inner HTML, inside a <figure class=…>."""
    caption = " ".join(caption.split())
    classes = figure_class.split()
    if "listing" in classes or not classes and caption.startswith("Листинг"):
        kind = "listing"
    elif "output" in classes or not classes and caption.startswith(("Вывод", "Ответ", "Сообщение")):
        kind = "output"
    else:
        kind = None
    if kind == "listing":
        m = LISTING_CAPTION.fullmatch(caption)
        if not m:
            yield f"подпись листинга не по форме {LISTING_FORM}"
            return
        file, language = m.group("file"), m.group("language")
        expected = "Rust" if file.endswith(".rs") else "Python" if file.endswith(".py") else None
        if expected and not language.startswith(expected):
            yield f"подпись называет язык {language}, а файл <code>{file}</code> — на {expected}"
        if folder_number(file) not in (None, m.group("number")):
            yield f"в подписи листинг {m.group('number')}, а файл из папки листинга {folder_number(file)}"
    elif kind == "output":
        m = OUTPUT_CAPTION.fullmatch(caption)
        if not m:
            yield f"подпись вывода не по форме {OUTPUT_FORM}"
            return
        number = m.group("number") or m.group("rustc") or m.group("panic")
        if folder_number(m.group("file")) not in (None, number):
            yield f"в подписи листинг {number}, а файл из папки листинга {folder_number(m.group('file'))}"


# Structure: lists, tables, entities, raw HTML. text_join stays off so that an entity
# (&nbsp;) is still its own token.
_MD = MarkdownIt("commonmark").enable("table").disable("text_join")
HTML_NBSP = re.compile(r"&(?:nbsp|#160|#[xX][aA]0);")
HTML_CODE = re.compile(r"<(code|pre|kbd|samp)\b.*?</\1>", re.S | re.I)
FIGURE_OR_CAPTION = re.compile(r"<figure\b[^>]*?\bclass\s*=\s*[\"']([^\"']*)[\"']|<figcaption>(.*?)</figcaption>", re.S)
MARK = re.compile(r"<!--.*?-->", re.S)


def ending(inline):
    """The punctuation an inline token's text ends with («.», «;»…), or "" if none."""
    for child in reversed(inline.children or []):
        if child.type in ("html_inline", "softbreak", "hardbreak"):
            continue
        if child.type in ("text", "text_special"):
            if not child.content.strip():
                continue
            last = child.content.rstrip()[-1]
            return last if last in ".;,:!?…" else ""
        return ""
    return ""


def list_problems(items):
    """(line, message) for the items of one list that end unlike the rest: all without
    punctuation, all with a period, or «;» on all but the last, which has a period."""
    items = [(n, e) for n, e in items if e != ":"]  # an item that opens a nested list
    ends = [e for _, e in items]
    if len(items) < 2 or len(set(ends)) == 1:
        return
    if set(ends[:-1]) <= {";", ","} and ends[-1] == ".":
        return
    sentence = {".", "!", "?", "…"}
    kinds = ["точка" if e in sentence else "нет знака" if not e else f"«{e}»" for e in ends]
    common = max(set(kinds), key=kinds.count)
    for (n, _), k in zip(items, kinds):
        if k != common:
            yield n, f"пункты одного списка кончаются по-разному: здесь {k}, у большинства — {common}"


def table_problems(cells):
    """(line, message) for a period ending a table cell while most cells end without one,
    or the other way round."""
    with_period = [n for n, e in cells if e == "."]
    without = [n for n, e in cells if e != "."]
    if with_period and without:
        if len(with_period) <= len(without):
            for n in with_period:
                yield n, "точка в конце ячейки, а в других ячейках таблицы её нет"
        else:
            for n in without:
                yield n, "в конце ячейки нет точки, а в других ячейках таблицы она есть"


def quoted(raw):
    """Raw Markdown or HTML as a message quotes it: without backticks, tags or line breaks."""
    return " ".join(re.sub(r"`|<[^>]*>", "", raw).split())


def raw_problems(start, text):
    """(line, message) found in raw Markdown or HTML text beginning at line `start`; inline
    code stays, since `.await` is part of what the calque rule reads."""
    text = MARK.sub(lambda m: "\n" * m.group().count("\n"), text)
    for m in ACROSS_AWAIT.finditer(text):
        yield start + text.count("\n", 0, m.start()), ACROSS_AWAIT_MESSAGE.format(quoted(m.group()))


def structure_problems(source):
    """(line, message) that need the parsed document: lists, tables, entities, captions."""
    tokens = _MD.parse(source)
    lists, table = [], None
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([])
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            yield from list_problems(lists.pop())
        elif tok.type == "table_open":
            table = []
        elif tok.type == "table_close":
            yield from table_problems(table)
            table = None
        elif tok.type == "inline" and tok.map:
            line = tok.map[0] + 1
            if lists and tokens[i - 1].type == "paragraph_open" and tokens[i - 2].type == "list_item_open":
                lists[-1].append((line, ending(tok)))
            if table is not None and tokens[i - 1].type == "td_open":
                table.append((line, ending(tok)))
            for child in tok.children or []:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "text_special" and child.info == "entity" and HTML_NBSP.fullmatch(child.markup):
                    yield line, f"{child.markup} — пишем сам символ U+00A0, а не HTML-сущность"
            yield from raw_problems(tok.map[0] + 1, tok.content)
        elif tok.type == "html_block" and tok.map:
            start, html = tok.map[0] + 1, tok.content
            prose = HTML_CODE.sub(lambda m: "\n" * m.group().count("\n"), MARK.sub("", html))
            for m in HTML_NBSP.finditer(prose):
                yield start + prose.count("\n", 0, m.start()), f"{m.group()} — пишем сам символ U+00A0, а не HTML-сущность"
            yield from raw_problems(start, html)
            figure = ""
            for m in FIGURE_OR_CAPTION.finditer(html):
                if m.group(1) is not None:
                    figure = m.group(1)
                else:
                    for message in caption_problems(figure, m.group(2)):
                        yield start + html.count("\n", 0, m.start()), message
                    figure = ""


# Comments of listing files. A comment copied from the seed keeps the seed's words, and so
# does its repetition in the Rust counterpart.
SEED_COMMENTS = ("Асинхронная функция", "Запуск цикла событий")
DIRECTIVE = re.compile(r"(?:ANCHOR|ANCHOR_END):|!|-\*-|type:|noqa|pragma|fmt:|rustfmt::|clippy::")


def python_comments(source):
    """(line, column, text, whole line?) of each # comment; docstrings are not comments."""
    lines = source.splitlines()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                row, col = tok.start
                yield row, col, tok.string[1:], not lines[row - 1][:col].strip()
    except (tokenize.TokenError, SyntaxError):
        return  # not Python: the listing's own test says so


# What a Rust source is read as, left to right: literals and block comments are skipped
# so that a // inside them is no comment.
RUST_TOKENS = re.compile(
    r'(?<![\w])b?r(#*)".*?"\1'  # a raw string
    r'|"(?:\\.|[^"\\])*"'  # a string
    r"|'(?:\\.|\\u\{[0-9a-fA-F]+\}|[^\\'\n])'"  # a char (a lifetime 'a is not one)
    r"|/\*.*?\*/"  # a block comment
    r"|//(?P<comment>[^\n]*)",
    re.S,
)


def rust_comments(source):
    """(line, column, text, whole line?) of each // comment; doc comments (///, //!) and
    /* */ are not checked."""
    for m in RUST_TOKENS.finditer(source):
        text = m.group("comment")
        if text is None or text.startswith(("/", "!")):
            continue
        line_start = source.rfind("\n", 0, m.start()) + 1
        yield source.count("\n", 0, m.start()) + 1, m.start() - line_start, text, not source[line_start : m.start()].strip()


def comment_blocks(comments):
    """Consecutive whole-line comments at one column form one comment: (line, text)."""
    block = []
    for line, col, text, whole in comments:
        text = MARK.sub("", text).strip()
        if DIRECTIVE.match(text):  # ANCHOR: lines and tool directives end a comment
            whole = False
        elif block and whole and block[-1][3] and block[-1][0] == line - 1 and block[-1][1] == col:
            block.append((line, col, text, whole))
            continue
        if block:
            yield block[0][0], " ".join(t for _, _, t, _ in block)
        block = [] if DIRECTIVE.match(text) else [(line, col, text, whole)]
    if block:
        yield block[0][0], " ".join(t for _, _, t, _ in block)


def comment_problems(path, source):
    comments = python_comments(source) if path.endswith(".py") else rust_comments(source)
    for line, text in comment_blocks(comments):
        if not text or text.startswith(SEED_COMMENTS):
            continue
        first = re.match(r"[^\W\d_]+", text)
        if first and re.match("[А-ЯЁ]", first.group()) and sum(ch.isupper() for ch in first.group()) < 2:
            yield line, "комментарий листинга с прописной буквы — пишем со строчной (кроме имён собственных)"
        if re.search(r"(?<![.…])\.$", text) and not re.search(r"[.!?…]\s+\S", text[:-1]):
            yield line, "точка в конце комментария из одной фразы — пишем без точки"
        for m in ACROSS_AWAIT.finditer(text):
            yield line, ACROSS_AWAIT_MESSAGE.format(quoted(m.group()))


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
        source = open(path, encoding="utf-8").read()
        if path.endswith((".py", ".rs")):
            found = list(comment_problems(path, source))
        else:
            lines = prose_lines(source)
            found = [(l.line, msg) for l in lines for rx, msg in RULES for _ in rx.finditer(l.text)]
            found += [p for l in lines for p in number_problems(l)]
            found += [p for l in lines for p in wording_problems(l)]
            found += digit_start_problems(lines)
            found += quote_nesting(lines)
            found += structure_problems(source)
            if path != glossary_path:
                found += glossary_problems(lines, phrases)
        problems += [f"{path}:{n}: {msg}" for n, msg in sorted(found, key=lambda p: p[0])]
    print("\n".join(problems), end="\n" if problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
