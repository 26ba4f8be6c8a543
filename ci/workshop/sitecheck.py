#!/usr/bin/env python3
"""Checks a built site's captions against the repository the environment names
(book.py `repository()`), as links.py should have made them:

- with an address: every page has mdBook's repository link; every caption's <code>
  that names a repository file is a link to {url}/blob/{commit}/{file}, and that file
  is in that commit (so the link cannot be broken once the commit is pushed);
- without one: no repository link and no caption link at all (plain names);
- with archives (SITE/projects/): each runnable Rust listing's caption links
  «Скачать проект» to its archive, and no other caption does.

  sitecheck.py SITE     prints `file:line: …` per problem, exits non-zero if any"""

import glob
import html
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in ci/workshop/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book  # noqa: E402

CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
NAMED = re.compile(r"(<a class=\"repo-file\" href=\"([^\"]*)\">)?<code>([^<>\s]+)</code>")
DOWNLOAD = re.compile(r'<a class="listing-download" href="([^"]*)"')


def main(site):
    repo = book.repository()
    committed = book.files_at(repo[1]) if repo else set()
    with_archives = os.path.isdir(os.path.join(site, "projects"))
    problems = []
    captions = linked = downloads = 0
    pages = sorted(glob.glob(os.path.join(site, "*.html")))
    for page in pages:
        text = open(page, encoding="utf-8").read()
        line_of = lambda pos: text.count("\n", 0, pos) + 1  # noqa: E731
        name = os.path.basename(page)
        if name not in ("404.html", "toc.html") and "<main>" in text:
            has_repo_link = bool(re.search(r'<a href="[^"]*" title="Репозиторий Git"', text))
            if repo and f'<a href="{html.escape(repo[0])}" title="Репозиторий Git"' not in text:
                problems.append(f"{page}:1: нет ссылки на репозиторий {repo[0]} (git-repository-url)")
            if not repo and has_repo_link:
                problems.append(f"{page}:1: ссылка на репозиторий, хотя адрес не задан")
        for m in CAPTION.finditer(text):
            at = f"{page}:{line_of(m.start())}"
            caption = m.group(1)
            files = []
            for code in NAMED.finditer(caption):
                href, path = code.group(2), code.group(3)
                if "/" not in path or not os.path.isfile(os.path.join(book.ROOT, path)):
                    continue
                files.append(path)
                captions += 1
                if repo and path in committed:
                    want = f"{repo[0]}/blob/{repo[1]}/{path}"
                    if html.unescape(href or "") != want:
                        problems.append(f"{at}: {path}: ожидалась ссылка {want}, а {'не ссылка' if href is None else href}")
                    else:
                        linked += 1
                elif repo and href is not None:
                    # a file not committed yet (a local build): a link would be broken
                    problems.append(f"{at}: {path}: ссылка {href} на файл, которого нет в коммите {repo[1][:12]}")
                elif href is not None:
                    problems.append(f"{at}: {path}: ссылка {href}, хотя адрес репозитория не задан")
            archive = next((os.path.dirname(p) for p in files if p.endswith("/main.rs")
                            and book.FOLDER.search(os.path.dirname(p)) and book.runs_rust(os.path.dirname(p))), None)
            found = DOWNLOAD.findall(caption)
            if with_archives and archive:
                want = f"projects/{os.path.basename(archive)}.zip"
                if found != [want]:
                    problems.append(f"{at}: {archive}/main.rs: ожидалась ссылка «Скачать проект» на {want}, а {found or 'её нет'}")
                elif not os.path.isfile(os.path.join(site, want)):
                    problems.append(f"{at}: {want}: архива нет в {site}")
                else:
                    downloads += 1
            elif found:
                problems.append(f"{at}: ссылка «Скачать проект» {found} там, где её быть не должно")
    if not captions:
        problems.append(f"{site}/index.html:1: ни одной подписи с именем файла: сайт не собран?")
    for problem in problems:
        print(problem)
    mode = f"ссылки на {repo[0]} @ {repo[1][:12]}" if repo else "без адреса репозитория: имена файлов без ссылок"
    print(f"sitecheck.py: {site}: {mode}; подписей с файлами {captions}, ссылок {linked}, «Скачать проект» {downloads}",
          file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
