#!/usr/bin/env bash
# What `cmake --install` gives, checked from a build tree:
# - the files: the program, the criteria sets as files (the same bytes as the
#   ones built in), the JSON Schemas, the man page, the bash completion, the
#   library with its headers and CMake package;
# - the library used by another CMake project (tests/package/consumer:
#   find_package(cchc), cchc::lib and cchc::report) that scores an example
#   and writes its JSON;
# - the man page in step with --help: every command and every option that
#   `cchc COMMAND --help` lists is in cli/cchc.1;
# - the bash completion: commands, options, format values, criteria ids;
# - `cchc --version`: the version and the git revision of the checkout.
# Usage: run.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8
unset CCHC_CRITERIA_PATH NO_COLOR
# shellcheck source=../check.sh
source "$root/tests/check.sh"

prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
cchc="$prefix/bin/cchc"
check "the program is installed and runs" "$cchc" --version
for file in criteria/*.yaml; do
  check "$file installed as share/cchc/$file, the same bytes" cmp -s "$file" "$prefix/share/cchc/$file"
done
for kind in criteria evidence results; do
  check "the $kind schema is installed" test -s "$prefix/share/cchc/schemas/$kind-1.schema.json"
done
check "the man page, gzipped" bash -c "gzip -t '$prefix/share/man/man1/cchc.1.gz'"
check "the bash completion" test -s "$prefix/share/bash-completion/completions/cchc"
check "the headers" test -s "$prefix/include/cchc/scoring.hpp"
check "the library" test -s "$prefix/lib/libcchc.a"
check "the CMake package" test -s "$prefix/lib/cmake/cchc/cchcConfig.cmake"

# Another project, built against the installed package only (with the
# sanitizers when the library was built with them: .ci/run's second pass).
sanitize=()
if grep -q '^CCHC_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
  sanitize=(-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined)
fi
if cmake -S tests/package/consumer -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release "${sanitize[@]}" >"$work/consumer.log" 2>&1 &&
  cmake --build "$work/consumer" >>"$work/consumer.log" 2>&1; then
  echo "ok: a consumer project builds with find_package(cchc), cchc::lib and cchc::report"
  check "the consumer scores an example through the library" \
    bash -c "'$work/consumer/consumer' examples/quang-nam-2021/so-ldtbxh.yaml | grep -qx 'cchc 0.1.0: so-ldtbxh 89.196 Tốt'"
  check "the consumer writes the result/1 JSON through cchc::report" \
    bash -c "'$work/consumer/consumer' examples/quang-nam-2021/so-ldtbxh.yaml | grep -q '\"cchc\": \"result/1\"'"
else
  echo "FAILED: the consumer project does not build:" >&2
  tail -30 "$work/consumer.log" >&2
  failures=$((failures + 1))
fi

# The man page against --help: every command, every long option.
man_text=$(sed 's/\\-/-/g' cli/cchc.1)
for command in "" score rank checklist plan diff check "criteria list" "criteria show" init; do
  # shellcheck disable=SC2086  # the command's words are meant to split
  help=$("$cchc" --lang en $command --help)
  if [[ -n "$command" ]]; then
    check "man page: the command '$command'" grep -qF "cchc $command" <<<"$man_text"
  fi
  for option in $(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
    check "man page: ${command:-cchc} $option" grep -qF -- "$option" <<<"$man_text"
  done
done
for command in $("$cchc" --lang en --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
  check "man page and completion know the command $command" \
    bash -c "grep -qF 'cchc $command' cli/cchc.1 && grep -qw '$command' cli/cchc.bash-completion"
done

# The completion, as bash would call it.
complete_words() {  # complete_words WORD...: what completing the last word offers
  PATH="$prefix/bin:$PATH" bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _cchc; printf "%s\n" "${COMPREPLY[@]}"' _ "$prefix/share/bash-completion/completions/cchc" "$@" | sort | tr '\n' ' '
}
check "completion: commands" test "$(complete_words cchc p)" = "plan "
check "completion: every command" test "$(complete_words cchc '')" = "check checklist criteria diff init plan rank score "
check "completion: score's formats" test "$(complete_words cchc score x.yaml -f '')" = "csv html json md text "
check "completion: rank's formats" test "$(complete_words cchc rank -f '')" = "csv html json md text xlsx "
check "completion: options of plan" test "$(complete_words cchc plan --target-)" = "--target-grade --target-index --target-rank "
check "completion: global options first" test "$(complete_words cchc --l)" = "--lang "
check "completion: --lang values" test "$(complete_words cchc --lang '')" = "en vi "
check "completion: criteria ids" test "$(complete_words cchc criteria show m)" = "mau-so-2021 "
check "completion: a command after --lang en" test "$(complete_words cchc --lang en sc)" = "score "

# --version: the version and the revision of this checkout.
version=$("$cchc" --version)
check "--version names the version and a revision: $version" \
  bash -c "grep -qE '^cchc 0\\.1\\.0 \\(git ([0-9a-f]{12}(-dirty)?|unknown)\\)$' <<<'$version'"
if git -C "$root" rev-parse HEAD >/dev/null 2>&1; then
  head=$(git -C "$root" rev-parse --short=12 HEAD)
  check "--version's revision is the checkout's HEAD ($head)" grep -qF "(git $head" <<<"$version"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all install checks passed"
