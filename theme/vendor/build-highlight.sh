#!/usr/bin/env bash
# Rebuilds theme/highlight.js: highlight.js core plus only the languages the book
# uses (python, rust, toml = ini, console = shell + bash, text = plaintext).
# mdBook 0.5.4's stock build holds ~190 languages (137 KB); this one is ~25 KB.
# Version 10.x, like mdBook's own: 11.x drops highlightBlock and rejects the HTML
# mdBook puts inside code blocks (hidden «boring» lines).
# Not run by the build: its output is committed. Needs node and npm.
set -euo pipefail
version=10.7.3
theme=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund "highlight.js@$version" terser@5 >/dev/null)
lib=$work/node_modules/highlight.js/lib
{
  # core.js and each language file are self-contained CommonJS modules.
  echo "var hljs = (function () { var module = { exports: {} };"
  cat "$lib/core.js"
  echo "return module.exports; })();"
  for lang in bash shell python rust ini plaintext; do
    echo "hljs.registerLanguage('$lang', (function () { var module = { exports: {} };"
    cat "$lib/languages/$lang.js"
    echo "return module.exports; })());"
  done
} >"$work/bundle.js"
{
  echo "/*! highlight.js $version (BSD-3-Clause, see theme/vendor/highlight.js-LICENSE): core + bash, shell, python, rust, ini, plaintext; built by theme/vendor/build-highlight.sh */"
  "$work/node_modules/.bin/terser" "$work/bundle.js" --compress --mangle
} >"$theme/highlight.js"
cp "$work/node_modules/highlight.js/LICENSE" "$theme/vendor/highlight.js-LICENSE"
wc -c "$theme/highlight.js"
