#!/usr/bin/env bash
# The book as PDF and EPUB next to the built site (run by ci/build.sh), then read back:
#   ci/print.sh SITE          SITE/asinkhronnost.pdf and SITE/asinkhronnost.epub (ci/build.sh)
#   ci/print.sh --check SITE  read them back (ci/print.py check; .ci/run)
#   ci/print.sh --self-test   the check is red on a PDF and an EPUB with a chapter missing
# PDF: Debian's Chromium prints print.html (playwright-core, ci/browser/print-pdf.js), with
# the site's JavaScript and print CSS, fonts embedded. EPUB: pandoc from print.html's <main>.
# Check: pdftotext/pdfinfo (poppler-utils), the EPUB's XHTML, epubcheck (ci/print.py).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v pdftotext >/dev/null || need+=(poppler-utils)
[[ -f /usr/share/java/epubcheck.jar ]] || need+=(epubcheck)
command -v java >/dev/null || need+=(default-jre-headless)
# A font with Cyrillic for Chromium to embed (system-ui resolves to DejaVu Sans here).
fc-list :lang=ru 2>/dev/null | grep . >/dev/null || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
source ci/browser/install.sh

pdf=asinkhronnost.pdf
epub=asinkhronnost.epub

make() {  # make SITE: both files into SITE
  local site; site=$(realpath "$1")
  (cd ci/browser && BOOK_URL="file://$site/" node print-pdf.js "$site/$pdf") >&2
  python3 ci/print.py epub "$site" "$site/$epub"
}

# make_cached SITE: as make, but mdBook empties the site at every build, so the files are
# kept in target/print/ and made again only when print.html or this tooling changed.
make_cached() {
  local key cache=target/print
  key=$(cat "$1/print.html" ci/print.sh ci/print.py ci/print-epub.css ci/browser/print-pdf.js | sha256sum)
  if [[ "$(cat "$cache/key" 2>/dev/null)" != "$key" || ! -f $cache/$pdf || ! -f $cache/$epub ]]; then
    rm -rf "$cache"; mkdir -p "$cache"
    make "$1"
    cp "$1/$pdf" "$1/$epub" "$cache/"
    echo "$key" >"$cache/key"
  else
    cp "$cache/$pdf" "$cache/$epub" "$1/"
  fi
}

case "${1:-}" in
  --check)
    site=${2:-$(ci/build.sh --where)}
    python3 ci/print.py check "$site" "$site/$pdf" "$site/$epub" ;;
  --self-test)
    # A copy of the built site whose print.html lacks one chapter: the check must name it.
    site=$(ci/build.sh --where)
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    cp -r "$site" "$tmp/site"
    python3 - "$tmp/site/print.html" <<'PY'
import re, sys
path = sys.argv[1]
page = open(path, encoding="utf-8").read()
# Chapter «Футуры ленивы» (src/ch05-01-lazy-futures.md): from its <h1> to the next chapter's break.
start = page.index('<h1 id="футуры-ленивы">')
end = page.index('<div style="break-before: page;', start)
open(path, "w", encoding="utf-8").write(page[:start] + page[end:])
PY
    make "$tmp/site"
    if out=$(python3 ci/print.py check "$tmp/site" "$tmp/site/$pdf" "$tmp/site/$epub"); then
      echo "ci/print.sh --self-test: the check passed a PDF and an EPUB without chapter 5.1" >&2; exit 1
    fi
    for want in "$pdf: src/ch05-01-lazy-futures.md:1: chapter title «Футуры ленивы» not in the PDF" \
                "$epub: src/ch05-01-lazy-futures.md:1: chapter title «Футуры ленивы» not in the EPUB" \
                "$pdf: src/ch05-01-lazy-futures.md:6: caption «Листинг 5-1 — Python"; do
      grep -qF "$want" <<<"$out" || { echo "ci/print.sh --self-test: expected «$want» in:" >&2; echo "$out" >&2; exit 1; }
    done
    echo "ci/print.sh --self-test: a missing chapter is red ($(grep -c . <<<"$out") problems named)" ;;
  -*)
    sed -n '2,5p' "$0" >&2; exit 2 ;;
  *)
    make_cached "${1:?usage: ci/print.sh SITE}" ;;
esac
