#!/usr/bin/env bash
# Bad and hostile inputs (SPEC §1): every case in tests/data/hostile/expected.txt
# must exit 2, print nothing on stdout, name the file and the line in a
# diagnostic holding the expected message, and finish well under a second.
# The big and odd inputs (100,000 nested brackets, an alias bomb, a 20 MiB
# file, a binary file, an empty file, a directory, unreadable paths) are
# made here in a temporary folder, never stored.
# Usage: hostile.sh CCHC   (HOSTILE_LIMIT_MS overrides the 10,000 ms bound)
# The bound is a guard against hangs and blow-ups (which took seconds to
# minutes), not a speed test: a loaded 2-core CI machine must not trip it.
# bench/ measures speed.
set -uo pipefail
cchc=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
data=tests/data/hostile
limit_ms=${HOSTILE_LIMIT_MS:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8
unset CCHC_CRITERIA_PATH NO_COLOR

# ---- generated inputs: $work/NAME is `@NAME` in expected.txt ---------------
header=$'cchc: evidence/1\ncriteria: t-2023\nyear: 2023\nunit: {id: u1, name: "Đơn vị 1"}\n'
repeat() {  # repeat TEXT COUNT
  local out=$1 n=$2 result=""
  while ((n > 0)); do
    ((n & 1)) && result+=$out
    out+=$out
    n=$((n >> 1))
  done
  printf '%s' "$result"
}
{ printf '%sitems: ' "$header"; repeat '[' 100000; repeat ']' 100000; echo; } >"$work/nested-brackets.yaml"
{ printf '%sitems: ' "$header"; repeat '{a: ' 100000; echo; } >"$work/nested-braces.yaml"
{ printf '%sitems:\n  ' "$header"; repeat '- ' 100000; echo x; } >"$work/nested-dashes.yaml"
# Billion laughs: nine levels of ten aliases each, 10^9 "lol" once expanded.
{
  printf '%s' "$header"
  printf 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
  previous=a
  for name in b c d e f g h i; do
    printf '%s: &%s [%s]\n' "$name" "$name" "$(repeat "*$previous," 9)*$previous"
    previous=$name
  done
} >"$work/billion-laughs.yaml"
# 16 MiB of aliases: what each one costs must not add up to gigabytes.
{ printf '%sa: &a x\nb:\n' "$header"; repeat '- *a'$'\n' 3000000; } >"$work/many-aliases.yaml"
# 150,001 values on one 300 KB line: each value's position must not cost the
# length of the line (that was seconds); the limit of 250,000 values itself is
# a unit test (test_yaml_hygiene.cpp), as reaching it takes half a second.
{ printf '%sitems: [' "$header"; repeat '0,' 150000; echo '0]'; } >"$work/long-line.yaml"
{ printf '%snote: "' "$header"; head -c $((20 * 1024 * 1024)) /dev/zero | tr '\0' 'x'; echo '"'; } >"$work/big-20mib.yaml"
{ echo 'unit,name,index'; repeat 'so-x,Sở X,90'$'\n' 1500000; } | head -c $((20 * 1024 * 1024)) >"$work/big-20mib.csv"
# A million rows with the same mistake: the first 100 errors, then a stop.
{ echo 'unit,name,index'; repeat 'so-x,Sở X,90'$'\n' 1000000; } >"$work/many-duplicates.csv"
gzip -9 -n -c examples/quang-nam-2021/so-ldtbxh.yaml >"$work/binary.yaml"
"$cchc" rank -f xlsx -o "$work/ranking.xlsx" examples/quang-nam-2021/bang-xep-hang/2021.csv 2>/dev/null
: >"$work/empty.yaml"
: >"$work/empty.csv"
mkdir "$work/folder.yaml" "$work/folder.csv"
# Unreadable paths. chmod 000 does not stop root (CI runs as root), so these
# fail for every user: a dangling symlink, a path through a file, a file
# whose read fails (EIO), and a FIFO nobody writes to (read as empty, no wait).
ln -s "$work/nowhere.yaml" "$work/dangling.yaml"
ln -s "$work/nowhere.csv" "$work/dangling.csv"
mkfifo "$work/fifo.yaml"
if [[ $(id -u) -ne 0 ]]; then
  cp examples/quang-nam-2021/so-y-te.yaml "$work/no-permission.yaml"
  chmod 000 "$work/no-permission.yaml"
fi

# ---- the cases --------------------------------------------------------------
failures=0
cases=0
fail() {  # fail NAME WHY [FILE]
  echo "FAILED: $1: $2" >&2
  [[ -n "${3:-}" ]] && sed 's/^/    /' "$3" | head -c 2000 >&2
  failures=$((failures + 1))
}

while IFS='|' read -r name args where message; do
  name=$(echo "$name" | xargs)
  [[ -z "$name" || "$name" == \#* ]] && continue
  args=$(echo "$args" | xargs)
  where=$(echo "$where" | xargs)
  message=$(echo "$message" | sed 's/^ *//; s/ *$//')
  if [[ "$name" == @* ]]; then
    path="$work/${name#@}"
    if [[ "$name" == @no-permission.yaml && $(id -u) -eq 0 ]]; then
      echo "skip: $name (root reads any file; the other unreadable cases cover this)"
      continue
    fi
  elif [[ "$name" == /* ]]; then
    path=$name
  else
    path="$data/$name"
  fi
  cases=$((cases + 1))
  read -r -a argv <<<"${args//\{\}/$path}"
  start=$(date +%s%N)
  timeout 30 "$cchc" --lang en "${argv[@]}" >"$work/out" 2>"$work/err" </dev/null
  status=$?
  elapsed=$((($(date +%s%N) - start) / 1000000))
  label="$name ($args)"
  if ((status == 124)); then
    fail "$label" "still running after 30 s"
    continue
  fi
  if ((status != 2)); then
    fail "$label" "exit $status, expected 2" "$work/err"
    continue
  fi
  if [[ -s "$work/out" ]]; then
    fail "$label" "wrote to stdout" "$work/out"
    continue
  fi
  if [[ "$where" == "-" ]]; then
    prefix="$path: error: "
  elif [[ "$where" == *:* ]]; then
    prefix="$path:$where: error: "
  else
    prefix="$path:$where:"
  fi
  found=0
  while IFS= read -r line; do
    if [[ "$line" == "$prefix"* && "$line" == *"$message"* ]]; then
      found=1
      break
    fi
  done <"$work/err"
  if ((found == 0)); then
    fail "$label" "no diagnostic \"$prefix ... $message\"" "$work/err"
    continue
  fi
  if ((elapsed >= limit_ms)); then
    fail "$label" "took $elapsed ms (limit $limit_ms ms)"
    continue
  fi
  echo "ok: $label: $elapsed ms"
done <"$data/expected.txt"

# A command-line word that is not UTF-8 (a Latin-1 terminal): refused, exit 2.
cases=$((cases + 1))
status=0
"$cchc" --lang en plan -c tests/data/plan/plan-2023.yaml tests/data/plan/don-vi-2023.yaml \
  --target-grade $'T\xf4t' >"$work/out" 2>"$work/err" || status=$?
if [[ $status -eq 2 && ! -s "$work/out" ]] && grep -qF -- "--target-grade: not valid UTF-8 text" "$work/err"; then
  echo "ok: plan --target-grade in Latin-1"
else
  fail "plan --target-grade in Latin-1" "exit $status, expected 2 and the message" "$work/err"
fi

# A folder proposed in a pull request (issue 18): a symlink out of the tree,
# a FIFO with an evidence extension and, when not root, an unreadable
# subfolder are errors naming the entry (exit 2); the linked file is never
# read, so nothing of it is quoted.
walk="$work/walk"
mkdir -p "$walk/sub"
cp examples/quang-nam-2021/so-y-te.yaml "$walk/so-y-te.yaml"
printf 'cchc: evidence/1\nroot:x:0:0:SECRET-HASH\n' >"$work/secret.txt"
ln -s "$work/secret.txt" "$walk/leak.csv"
ln -s "$work/secret.txt" "$walk/sub/leak.yaml"
ln -s "$work" "$walk/up"
mkfifo "$walk/pipe.yaml"
if [[ $(id -u) -ne 0 ]]; then
  mkdir "$walk/locked"
  chmod 000 "$walk/locked"
fi
for format in text github json junit; do
  cases=$((cases + 1))
  status=0
  timeout 30 "$cchc" --lang en check -f "$format" "$walk" >"$work/out" 2>"$work/err" </dev/null || status=$?
  label="check -f $format on a folder with links and a FIFO"
  if ((status != 2)); then
    fail "$label" "exit $status, expected 2" "$work/out"
  elif grep -q "SECRET-HASH" "$work/out" "$work/err"; then
    fail "$label" "quoted the linked file" "$work/out"
  elif ! grep -qF "leak.csv" "$work/out" || ! grep -qF "sub/leak.yaml" "$work/out" ||
    ! grep -qF "$walk/up" "$work/out" || ! grep -qF "is a symbolic link" "$work/out" ||
    ! grep -qF "pipe.yaml" "$work/out" || ! grep -qF "not a regular file" "$work/out"; then
    fail "$label" "an entry is not reported" "$work/out"
  elif [[ $(id -u) -ne 0 ]] && ! grep -qF "cannot read the folder: permission denied" "$work/out"; then
    fail "$label" "the unreadable folder is not reported" "$work/out"
  else
    echo "ok: $label"
  fi
done
[[ -d "$walk/locked" ]] && chmod 700 "$walk/locked"
cases=$((cases + 1))
status=0
timeout 30 "$cchc" --lang en rank "$walk" >"$work/out" 2>"$work/err" </dev/null || status=$?
if ((status == 2)) && grep -qF "leak.csv: error: is a symbolic link" "$work/err" && ! grep -q "SECRET-HASH" "$work/err"; then
  echo "ok: rank on a folder with links"
else
  fail "rank on a folder with links" "exit $status, expected 2 and the link reported" "$work/err"
fi

echo "$((cases - failures)) passed, $failures failed"
((failures == 0))
