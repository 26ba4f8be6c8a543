#!/usr/bin/env bash
# The site's captions and the repository (ci/workshop/sitecheck.py), both ways: the
# site ci/build.sh built, in the mode the environment gives (GitHub Actions: links to
# GITHUB_SERVER_URL/GITHUB_REPOSITORY at GITHUB_SHA; BOOK_REPOSITORY_URL; neither: plain
# names), then a second build in target/repo-links/ in the other mode.
#   ci/repo-links.sh            check both ways (builds the other one, ~10 s)
#   ci/repo-links.sh SITE       check one built site in the environment's mode
#   ci/repo-links.sh --self-test  the check goes red on a page of the site built without
#                                 an address, broken each way it guards (run it after
#                                 the check: with an address, that site is the second one)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == --self-test ]]; then
  site=$(ci/build.sh --where)
  if [[ -n $(python3 ci/workshop/book.py url) ]]; then site=target/repo-links/html; fi
  page=ch05-03-send-static.html
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  plain=(env -u BOOK_REPOSITORY_URL -u GITHUB_SERVER_URL -u GITHUB_REPOSITORY -u GITHUB_SHA)
  failed=0
  # case | environment | how to break the copy | text the report must hold
  cases=(
    "as built, no address|${plain[*]}|true|"
    "a caption link without an address|${plain[*]}|sed -i '0,/<code>listings/s##<a class=\"repo-file\" href=\"https://example.org/x\"><code>listings#' \$p|хотя адрес репозитория не задан"
    "plain names with an address|${plain[*]} BOOK_REPOSITORY_URL=https://github.com/example/asinkhronnost|true|ожидалась ссылка https://github.com/example/asinkhronnost/blob/"
    "an archive missing|${plain[*]}|rm \$s/projects/listing-05-16.zip|архива нет"
    "a download link lost|${plain[*]}|sed -i 's#<a class=\"listing-download\" href=\"projects/listing-05-16.zip\"#<a href=\"projects/listing-05-16.zip\"#' \$p|ожидалась ссылка «Скачать проект» на projects/listing-05-16.zip"
  )
  for case in "${cases[@]}"; do
    IFS='|' read -r name environment breakage expected <<<"$case"
    s=$work/site; rm -rf "$s"; mkdir -p "$s"
    cp "$site/$page" "$s/"; cp -r "$site/projects" "$s/"
    p=$s/$page
    eval "$breakage"
    rc=0; out=$($environment python3 ci/workshop/sitecheck.py "$s" 2>&1) || rc=$?
    if [[ -z $expected ]]; then
      if ((rc)); then echo "FAIL $name: expected no problem, found:"; echo "$out"; failed=1; else echo "ok   $name"; fi
    elif ((rc == 0)) || ! grep -F -- "$expected" <<<"$out" | grep -E "^$s/$page:[0-9]+: " >/dev/null; then
      echo "FAIL $name: expected $page:LINE: …$expected…, found:"; echo "$out"; failed=1
    else
      echo "ok   $name: $(grep -F -- "$expected" <<<"$out" | head -1 | cut -c1-160)"
    fi
  done
  exit $failed
fi
if (($#)); then exec python3 ci/workshop/sitecheck.py "$1"; fi
python3 ci/workshop/sitecheck.py "$(ci/build.sh --where)"
if [[ -n $(python3 ci/workshop/book.py url) ]]; then
  other=(env -u BOOK_REPOSITORY_URL -u GITHUB_SERVER_URL -u GITHUB_REPOSITORY -u GITHUB_SHA)
else
  other=(env BOOK_REPOSITORY_URL=https://github.com/example/asinkhronnost)
fi
site=$("${other[@]}" ci/build.sh . target/repo-links)
"${other[@]}" python3 ci/workshop/sitecheck.py "$site"
