#!/usr/bin/env python3
"""The book's PDF and EPUB (run by ci/print.sh).

  ci/print.py epub SITE OUT.epub     print.html's <main> through pandoc into an EPUB 3
  ci/print.py check SITE PDF EPUB    read both back against the chapters in src/

The check takes what must be there from the sources, not from the built site:
every chapter title (the first «# » line of each chapter in SUMMARY.md) and every
figure caption (<figcaption> in src/*.md) must be in the PDF's text (pdftotext)
and in the EPUB's XHTML; every internal link of both must lead somewhere; the
EPUB must pass epubcheck. It prints «file: problem» lines and exits 1 on any.
"""
import html
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLE = "Асинхронность"


def main_of(site):
    page = open(os.path.join(site, "print.html"), encoding="utf-8").read()
    start, end = page.find("<main>"), page.rfind("</main>")
    if start < 0 or end < 0:
        sys.exit(f"{site}/print.html: no <main> element")
    return page[start + len("<main>"):end]


def epub(site, out):
    body = main_of(site)
    # Hidden lines of a fragment stay hidden, as on the site (the caption names the whole file).
    body = re.sub(r'<span class="boring">.*?</span>', "", body, flags=re.S)
    # Chapter breaks of print.html: pandoc splits the EPUB at every <h1> itself.
    body = re.sub(r'<div style="break-before: page;[^"]*"></div>', "", body)
    # A heading's self-link («#») is for the web page.
    body = re.sub(r'<a class="header" href="#[^"]*">(.*?)</a>', r"\1", body, flags=re.S)
    # «Скачать проект» fetches an archive that sits next to the web pages (issue 17).
    body = re.sub(r' ?<a class="listing-download"[^>]*>.*?</a>', "", body, flags=re.S)
    # pandoc 2.17 keeps a <figure> only around an image: a listing becomes a <div>
    # with its caption as the first paragraph.
    body = re.sub(r'<figure class="([^"]*)" id="([^"]*)">', r'<div class="\1" id="\2">', body)
    body = body.replace("</figure>", "</div>")
    body = re.sub(r"<figcaption>(.*?)</figcaption>", r'<p class="caption">\1</p>', body, flags=re.S)
    css = os.path.join(REPO, "ci", "print-epub.css")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "book.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{TITLE}</title></head>'
                    f"<body>{body}</body></html>")
        subprocess.run(["pandoc", "--from=html", "--to=epub3", "--epub-chapter-level=1",
                        "--toc", "--toc-depth=1", f"--css={css}", "--highlight-style=tango",
                        f"--metadata=title:{TITLE}", "--metadata=lang:ru",
                        "--metadata=author:Команда «Асинхронности»",
                        "--resource-path", site, "-o", out, src], check=True)


def squeeze(text):
    """Text without whitespace and hyphens: the page breaks a line after a hyphen,
    and pdftotext joins the halves without it («listing-02-01» → «listing02-01»)."""
    return re.sub(r"[\s\u00ad-]+", "", text)


def plain(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def expected():
    """(what, text) pairs that every format must contain: chapter titles and captions."""
    summary = open(os.path.join(REPO, "src", "SUMMARY.md"), encoding="utf-8").read()
    wanted = []
    for number, chapter in enumerate(re.findall(r"\]\(([^)]+\.md)\)", summary), 1):
        path = os.path.join("src", chapter)
        text = open(os.path.join(REPO, path), encoding="utf-8").read()
        title = re.search(r"^# (.+)$", text, re.M)
        if not title:
            sys.exit(f"{path}: no «# » title line")
        wanted.append((f"{path}:{text[:title.start()].count(chr(10)) + 1}: chapter title",
                       plain(re.sub(r"`([^`]*)`", r"\1", title.group(1)))))
        for m in re.finditer(r"<figcaption>(.*?)</figcaption>", text, re.S):
            wanted.append((f"{path}:{text[:m.start()].count(chr(10)) + 1}: caption", plain(m.group(1))))
    return wanted


def compare(file, kind, wanted, headings, flat, ordered):
    """Chapter titles must be headings (in the book's order if `ordered`); captions anywhere in the text."""
    problems = []
    headings = [squeeze(h) for h in headings]
    titles = [(what, want) for what, want in wanted if what.endswith("chapter title")]
    for what, want in wanted:
        if what.endswith("chapter title"):
            if squeeze(want) not in headings:
                problems.append(f"{file}: {what} «{want}» not in the {kind} (no such heading)")
        elif squeeze(want) not in flat:
            problems.append(f"{file}: {what} «{want}» not in the {kind}'s text")
    if ordered:
        order = [squeeze(want) for _, want in titles if squeeze(want) in headings]
        found = [h for h in headings if h in order]
        if not problems and found != order:
            problems.append(f"{file}: chapters not in SUMMARY.md's order: {found}")
    return problems


def pdf_headings(pdf):
    """The titles of the PDF's outline (bookmarks), which Chromium makes from the headings.
    (pdfinfo -struct-text would give the <h1>s alone, but takes minutes on this book.)"""
    raw = open(pdf, "rb").read()
    titles = []
    for title in re.findall(rb"/Title\s*<([0-9A-Fa-f]+)>", raw):
        titles.append(bytes.fromhex(title.decode()).decode("utf-16").lstrip("\ufeff"))
    return titles


def check_pdf(site, pdf, wanted):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    # The outline lists sections too, children first: titles are checked, not their order.
    problems = compare(pdf, "PDF", wanted, pdf_headings(pdf), squeeze(text), ordered=False)
    # Internal links: every link annotation's destination is a named destination of
    # the PDF, and every #anchor that print.html links to became one.
    dests = subprocess.run(["pdfinfo", "-dests", pdf], check=True, capture_output=True,
                           text=True).stdout
    names = {urllib.parse.unquote(n) for n in re.findall(r'^\s*\d+ \[.*?\] "(.*)"$', dests, re.M)}
    raw = open(pdf, "rb").read()
    links = [urllib.parse.unquote(re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                                         m).decode("latin-1").encode("latin-1").decode("utf-8"))
             for m in re.findall(rb"/Dest /([^\s/>\]]+)", raw)]
    if not links:
        problems.append(f"{pdf}: no internal link at all (the table of contents links to every chapter)")
    for link in sorted(set(links) - names):
        problems.append(f"{pdf}: internal link to #{link}, which is no destination in the PDF")
    for uri in re.findall(rb"/URI \(([^)]*)\)", raw):
        uri = uri.decode("latin-1")
        if not re.match(r"(https?|mailto):", uri):
            problems.append(f"{pdf}: link to {uri}, which leaves the PDF for a local file")
    for target in sorted(set(re.findall(r'href="#([^"]+)"', main_of(site))) - names):
        problems.append(f"{pdf}: print.html links to #{target}, which is no destination in the PDF")
    fonts = subprocess.run(["pdffonts", pdf], check=True, capture_output=True, text=True).stdout
    for line in fonts.splitlines()[2:]:
        if line.split()[-5] != "yes":
            problems.append(f"{pdf}: font {line.split()[0]} is not embedded")
    return problems


def check_epub(epub_file, wanted):
    problems = []
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    with zipfile.ZipFile(epub_file) as z:
        pages = {n: z.read(n).decode("utf-8") for n in sorted(z.namelist()) if n.endswith(".xhtml")}
    ids, hrefs, texts, headings = {}, [], [], []
    for name, page in pages.items():
        try:
            root = ET.fromstring(page)
        except ET.ParseError as e:
            problems.append(f"{epub_file}: {name} is not well-formed XHTML: {e}")
            continue
        ids[name] = {el.get("id") for el in root.iter() if el.get("id")}
        hrefs += [(name, a.get("href")) for a in root.iterfind(".//x:a[@href]", ns)]
        if not name.endswith("nav.xhtml"):
            texts.append("".join(root.itertext()))
            headings += ["".join(h.itertext()) for h in root.iterfind(".//x:h1", ns)]
    problems += compare(epub_file, "EPUB", wanted, headings, squeeze("".join(texts)), ordered=True)
    for name, href in hrefs:
        if re.match(r"[a-z]+:", href):
            continue
        path, _, fragment = href.partition("#")
        target = os.path.normpath(os.path.join(os.path.dirname(name), urllib.parse.unquote(path))) if path else name
        if target not in ids:
            problems.append(f"{epub_file}: {name} links to {href}: no such page")
        elif fragment and urllib.parse.unquote(fragment) not in ids[target]:
            problems.append(f"{epub_file}: {name} links to {href}: no such anchor")
    jar = "/usr/share/java/epubcheck.jar"
    run = subprocess.run(["java", "-jar", jar, "--quiet", epub_file], capture_output=True, text=True)
    if run.returncode != 0:
        problems.append(f"{epub_file}: epubcheck:\n{run.stdout}{run.stderr}")
    return problems


def check(site, pdf, epub_file):
    wanted = expected()
    problems = check_pdf(site, pdf, wanted) + check_epub(epub_file, wanted)
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"ci/print.py: {pdf}, {epub_file}: {sum(1 for w, _ in wanted if w.endswith('title'))} chapter titles "
          f"and {sum(1 for w, _ in wanted if w.endswith('caption'))} captions in both, internal links resolved, epubcheck clean")


if __name__ == "__main__":
    if sys.argv[1:2] == ["epub"] and len(sys.argv) == 4:
        epub(*sys.argv[2:])
    elif sys.argv[1:2] == ["check"] and len(sys.argv) == 5:
        check(*sys.argv[2:])
    else:
        sys.exit(__doc__)
