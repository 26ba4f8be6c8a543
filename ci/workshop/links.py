#!/usr/bin/env python3
"""mdBook preprocessor (book.toml `[preprocessor.workshop]`, HTML only): in every
<figcaption>, a <code> that names a file of the repository becomes a link to that
file at the commit the site is built from, and a runnable Rust listing's caption
gets its «Скачать проект» link.

Links come only when the address is known (book.py `repository()`: GitHub Actions'
GITHUB_SERVER_URL/GITHUB_REPOSITORY/GITHUB_SHA or BOOK_REPOSITORY_URL); a local
build shows plain file names. A file missing from that commit stays a plain name
and is reported, so no caption links to a file the repository does not hold.
Download links come only when ci/build.sh builds the archives (BOOK_PROJECTS=1).

Why a preprocessor: it runs on every build (ci/build.sh, `ci/mdbook.sh serve`), for
every page and print.html alike, at render time only (`renderers = ["html"]`), so
the chapters' sources and the tests, which read them through mdBook's markdown
renderer, keep the plain captions that other helpers edit."""

import json
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in ci/workshop/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book  # noqa: E402

CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
CODE = re.compile(r"<code>([^<>\s]+)</code>")


def caption_links(text, link_to, download_for, chapter):
    """The caption HTML `text` with file names linked and, for a runnable Rust
    listing, the download link appended."""
    named = []

    def code(m):
        path = m.group(1)
        if "/" not in path or not os.path.isfile(os.path.join(book.ROOT, path)):
            return m.group(0)
        named.append(path)
        href = link_to(path, chapter)
        return f'<a class="repo-file" href="{href}">{m.group(0)}</a>' if href else m.group(0)

    text = CODE.sub(code, text)
    for path in named:
        download = download_for(path, chapter)
        if download:
            text += download
    return text


def main():
    if len(sys.argv) > 1:
        # `links.py supports RENDERER`: book.toml names the one renderer (html).
        sys.exit(0 if sys.argv[1:] == ["supports", "html"] else 1)
    context, the_book = json.load(sys.stdin)
    repo = book.repository()
    committed = book.files_at(repo[1]) if repo else set()
    projects = os.environ.get("BOOK_PROJECTS") == "1"
    missing = []

    def link_to(path, chapter):
        if not repo:
            return None
        if path not in committed:
            missing.append(f"src/{chapter['source_path']}: {path} нет в коммите {repo[1][:12]}: подпись без ссылки")
            return None
        return f"{repo[0]}/blob/{repo[1]}/{path}"

    def download_for(path, chapter):
        folder = os.path.dirname(path)
        if not (projects and path.endswith("/main.rs") and book.FOLDER.search(folder) and book.runs_rust(folder)):
            return None
        name = os.path.basename(folder)
        up = "../" * chapter["path"].count("/")
        return (f' <a class="listing-download" href="{up}projects/{name}.zip" download'
                f' aria-label="Скачать проект листинга {book.number(folder)}">Скачать проект</a>')

    def visit(items):
        for item in items:
            chapter = item.get("Chapter") if isinstance(item, dict) else None
            if not chapter:
                continue
            if chapter.get("path"):
                chapter["content"] = CAPTION.sub(
                    lambda m: "<figcaption>" + caption_links(m.group(1), link_to, download_for, chapter) + "</figcaption>",
                    chapter["content"])
            visit(chapter.get("sub_items", []))

    visit(the_book["items"])
    for line in missing:
        print(f"links.py: {line}", file=sys.stderr)
    json.dump(the_book, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
