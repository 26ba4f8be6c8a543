# Sourced by ci/spellcheck.sh, ci/typography.sh and ci/linkcheck.sh from the repository
# root: installs what the prose gates need when it is missing, as CI does on a fresh
# machine (root, CI=true, no stdin). Everything but the apt packages goes into target/.

gates_python=target/ci-python

# apt-get install, non-interactive; as root directly, otherwise through sudo.
gates_apt_install() {
  local sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "$0: нужны пакеты $*: apt-get install $*" >&2; exit 2; }
    sudo=(sudo -n)
  fi
  echo "$0: ставлю $* (apt-get)" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null >&2
}

# hunspell with Debian's Russian and American English dictionaries.
gates_need_hunspell() {
  local missing=()
  command -v hunspell >/dev/null || missing+=(hunspell)
  [[ -f /usr/share/hunspell/ru_RU.dic ]] || missing+=(hunspell-ru)
  [[ -f /usr/share/hunspell/en_US.dic ]] || missing+=(hunspell-en-us)
  if ((${#missing[@]})); then gates_apt_install "${missing[@]}"; fi
}

# markdown-it-py (the Markdown parser) and snowballstemmer (Russian word stems),
# pinned with hashes in ci/gates/requirements.txt.
gates_need_python() {
  command -v python3 >/dev/null || gates_apt_install python3 python3-pip
  export PYTHONPATH="$PWD/$gates_python${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1
  if ! python3 -c 'import markdown_it, snowballstemmer' 2>/dev/null; then
    python3 -m pip --version >/dev/null 2>&1 || gates_apt_install python3-pip
    echo "$0: ставлю пакеты Python из ci/gates/requirements.txt в $gates_python" >&2
    rm -rf "$gates_python"
    PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check --no-input \
      --root-user-action=ignore --require-hashes --no-deps \
      --target "$gates_python" -r ci/gates/requirements.txt >&2
  fi
}

# hyperlink 0.3.2 (crates.io), the link checker: the one on PATH if it is that
# version, otherwise built once into target/hyperlink (about 40 s on 2 cores).
gates_hyperlink_version=0.3.2
gates_need_hyperlink() {
  hyperlink=hyperlink
  if [[ "$(hyperlink --version 2>/dev/null)" != "hyperlink $gates_hyperlink_version" ]]; then
    hyperlink=target/hyperlink/bin/hyperlink
    if [[ "$("$hyperlink" --version 2>/dev/null)" != "hyperlink $gates_hyperlink_version" ]]; then
      echo "$0: ставлю hyperlink $gates_hyperlink_version в target/hyperlink (около минуты, один раз)" >&2
      cargo install hyperlink --version "=$gates_hyperlink_version" --locked --quiet \
        --root target/hyperlink >&2
    fi
  fi
}

# Markdown files named by the arguments (a folder means every .md under it), or src/*.md.
gates_markdown_files() {
  (($#)) || set -- src
  gates_files '*.md' -- "$@"
}

# gates_files PATTERN... -- PATH...: each PATH that is a file, and the files under each
# PATH that is a folder whose names match a PATTERN, sorted.
gates_files() {
  local patterns=() arg
  while [[ $1 != -- ]]; do patterns+=(-o -name "$1"); shift; done
  shift
  for arg in "$@"; do
    if [[ -d $arg ]]; then
      find "$arg" -type f \( "${patterns[@]:1}" \) | LC_ALL=C sort
    else
      echo "$arg"
    fi
  done
}

# Runs GATE on each CASE (a file, or a folder: a small book for the link checker). A case
# with lines marked <!-- ✗ WHAT --> (in a .py or .rs case: at the end of a comment) must
# make the gate exit non-zero reporting exactly those lines as `file:line: …`, each
# message containing WHAT (the rule it breaks); a case without marks must pass silently.
# No case marks a line of a code block, so a word in code that gets reported fails the
# self-test.
gates_self_test() {
  local gate=$1 case out rc marks expected reported failed=0 mark file line what
  shift
  for case in "$@"; do
    rc=0
    out=$("$gate" "$case" 2>/dev/null) || rc=$?
    marks=$(grep -rHn --include='*.md' --include='*.py' --include='*.rs' -e '<!-- ✗' "$case" || true)
    expected=$(cut -d: -f1,2 <<<"$marks" | LC_ALL=C sort -u)
    reported=$(grep -oE '^[^: ]+:[0-9]+:' <<<"$out" | sed 's/:$//' | LC_ALL=C sort -u || true)
    if [[ -z $expected && ($rc != 0 || -n $reported) ]]; then
      echo "$case:1: self-test: $gate должен пройти без замечаний (код $rc):"; echo "$out"; failed=1
    elif [[ -n $expected && $rc == 0 ]]; then
      echo "$case:1: self-test: $gate не упал на плохом входе"; echo "$out"; failed=1
    elif [[ $expected != "$reported" ]]; then
      echo "$case:1: self-test: $gate назвал не те строки"
      diff <(echo "$expected") <(echo "$reported") | sed -n 's/^</  ожидалась/p; s/^>/  лишняя/p' || true
      failed=1
    else
      while IFS= read -r mark; do
        [[ -n $mark ]] || continue
        file=${mark%%:*}; line=${mark#*:}; line=${line%%:*}
        what=$(sed -n 's/.*<!-- ✗ *\(.*[^ ]\) *-->.*/\1/p' <<<"$mark")
        if [[ -n $what ]] && ! grep -F "$file:$line:" <<<"$out" | grep -F -- "$what" >/dev/null; then
          echo "$file:$line: self-test: $gate не сказал «$what»:"; grep -F "$file:$line:" <<<"$out"
          failed=1
        fi
      done <<<"$marks"
      echo "ok: $gate $case — код $rc, строки: ${expected//$'\n'/ }"
    fi
  done
  return $failed
}
