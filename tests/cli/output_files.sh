#!/usr/bin/env bash
# -o FILE (SPEC §4): written atomically, never over an input, nothing left
# behind by a failed run. Usage: output_files.sh CCHC
set -euo pipefail
cchc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: some runs change folder
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=examples/quang-nam-2021/so-y-te.yaml
# shellcheck source=../check.sh
source "$root/tests/check.sh"

# A successful run writes exactly what stdout would show, and no temporary file.
"$cchc" --lang en score "$example" >"$work/expected.txt" 2>/dev/null
"$cchc" --lang en score -o "$work/report.txt" "$example" 2>/dev/null
check "-o writes the report" cmp -s "$work/expected.txt" "$work/report.txt"
check "-o leaves no temporary file" test "$(ls -A "$work" | wc -l)" -eq 2

# A failed run leaves no file, and an existing file untouched.
set +e
"$cchc" score -o "$work/bad.txt" tests/data/evidence/duplicate-key.yaml 2>/dev/null
status=$?
set -e
check "a failed run exits 2" test "$status" -eq 2
check "a failed run writes no file" test ! -e "$work/bad.txt"
echo "keep me" >"$work/keep.txt"
"$cchc" score -o "$work/keep.txt" tests/data/evidence/duplicate-key.yaml 2>/dev/null || true
check "a failed run keeps the old file" grep -qx "keep me" "$work/keep.txt"
check "a failed run leaves no temporary file" test "$(ls -A "$work" | wc -l)" -eq 3

# An input is never overwritten, even through another path to it.
cp "$example" "$work/input.yaml"
ln -s "$work/input.yaml" "$work/link.yaml"
set +e
"$cchc" score -c mau-so-2021 -o "$work/link.yaml" "$work/input.yaml" 2>"$work/err.txt"
status=$?
set -e
check "-o naming an input (via a symlink) exits 2" test "$status" -eq 2
check "-o naming an input leaves it intact" cmp -s "$example" "$work/input.yaml"
check "-o naming an input says why" grep -q "input" "$work/err.txt"

# The same input by other paths: ../x/./file, a relative path, a hard link.
mkdir -p "$work/x/y"
cp "$example" "$work/x/in.yaml"
ln "$work/x/in.yaml" "$work/x/hard.yaml"
refused() {  # refused DESCRIPTION OUTPUT: -o OUTPUT naming $work/x/in.yaml is refused, nothing written
  local status
  set +e
  (cd "$work/x/y" && "$cchc" --lang en score -c mau-so-2021 -o "$2" "$work/x/in.yaml" >"$work/out.txt" 2>"$work/err.txt")
  status=$?
  set -e
  check "-o naming an input ($1) exits 2" test "$status" -eq 2
  check "-o naming an input ($1) says why" grep -q "refusing to overwrite an input file" "$work/err.txt"
  check "-o naming an input ($1) leaves it intact" cmp -s "$example" "$work/x/in.yaml"
  check "-o naming an input ($1) prints nothing" test ! -s "$work/out.txt"
  check "-o naming an input ($1) leaves no temporary file" test "$(ls -A "$work/x" | wc -l)" -eq 3
}
refused "../x/./in.yaml" "$work/x/../x/./in.yaml"
refused "a relative path" "../in.yaml"
refused "a hard link" "$work/x/hard.yaml"

# The temporary file is made in the target's folder (never in $TMPDIR, from
# where a rename could not reach another file system), written, flushed to
# disk, then renamed into place.
if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
  mkdir -p "$work/traced"
  # LeakSanitizer cannot run under ptrace: leaks are checked by every other run.
  mkdir -p "$work/tmpdir"
  ASAN_OPTIONS=detect_leaks=0 TMPDIR="$work/tmpdir" strace -f -e trace=openat,write,fsync,close,rename,renameat,renameat2 \
    -o "$work/trace.txt" "$cchc" --lang en score -o "$work/traced/report.txt" "$example" 2>/dev/null
  check "-o via strace writes the report" cmp -s "$work/expected.txt" "$work/traced/report.txt"
  temp=$(sed -n 's#.*openat(AT_FDCWD, "\('"$work"'/traced/\.report\.txt\.[^"]*\)", O_RDWR|O_CREAT|O_EXCL.*) = \([0-9]*\)$#\1 \2#p' "$work/trace.txt")
  check "-o creates its temporary file beside the target" test -n "$temp"
  fd=${temp##* }
  temp=${temp% *}
  # The calls on that descriptor and the rename, in order: writes, fsync, close, rename.
  sequence=$(awk -v fd="$fd" -v temp="$temp" '
    index($0, "openat(AT_FDCWD, \"" temp "\"") { on = 1; next }
    on && $2 ~ "^write\\(" fd "," { if (last != "write") print "write"; last = "write"; next }
    on && $2 ~ "^fsync\\(" fd "\\)" { print "fsync"; last = "fsync"; next }
    on && $2 ~ "^close\\(" fd "\\)" { print "close"; last = "close"; on = 0; next }
    index($0, "rename(\"" temp "\"") { print "rename"; last = "rename" }' "$work/trace.txt" | tr '\n' ' ')
  check "-o writes, flushes, closes, then renames (got: $sequence)" test "$sequence" = "write fsync close rename "
  check "-o renames onto the target" grep -qF "rename(\"$temp\", \"$work/traced/report.txt\") = 0" "$work/trace.txt"
  check "-o creates no file anywhere else" \
    test "$(grep 'openat(AT_FDCWD, "[^"]*", [^)]*O_CREAT' "$work/trace.txt" | grep -vcF "\"$work/traced/")" -eq 0
else
  echo "skip: strace cannot run here; the temporary file's folder is checked across file systems only"
fi
# Without strace: with the target on another file system than $TMPDIR, a
# temporary file made in $TMPDIR could not be renamed into place.
shm=/dev/shm
if [[ -d "$shm" && -w "$shm" && "$(stat -c %d "$shm")" != "$(stat -c %d "$work")" ]]; then
  target=$(mktemp -d "$shm/cchc-output.XXXXXX")
  TMPDIR="$work" "$cchc" --lang en score -o "$target/report.txt" "$example" 2>/dev/null
  check "-o on another file system than \$TMPDIR writes the report" cmp -s "$work/expected.txt" "$target/report.txt"
  check "-o on another file system leaves no temporary file" test "$(ls -A "$target" | wc -l)" -eq 1
  rm -rf "$target"
fi

# A target in a folder that does not exist, or a folder: exit 2, nothing made.
set +e
"$cchc" --lang en score -o "$work/missing/report.txt" "$example" 2>"$work/err.txt"
status=$?
set -e
check "-o into a missing folder exits 2" test "$status" -eq 2
check "-o into a missing folder says why" grep -q "cannot write $work/missing/report.txt: No such file or directory" "$work/err.txt"
check "-o into a missing folder makes nothing" test ! -e "$work/missing"
set +e
"$cchc" --lang en score -o "$work/x" "$example" 2>"$work/err.txt"
status=$?
set -e
check "-o naming a folder exits 2" test "$status" -eq 2
check "-o naming a folder says why" grep -q "cannot write $work/x: it is a folder" "$work/err.txt"

# Every command refuses -o naming any file the run read: a criteria set found
# through CCHC_CRITERIA_PATH (rank, check, score), and a YAML file that
# `check` read in a folder and skipped.
mkdir -p "$work/sets" "$work/repo"
cp tests/data/criteria/small-2023.yaml "$work/sets/small-2023.yaml"
cp "$work/sets/small-2023.yaml" "$work/sets.orig"
cp tests/data/check/repo/2023/don-vi-a.yaml "$work/repo/a.yaml"
printf 'ghi chú: không phải tệp của cchc\n' >"$work/repo/notes.yaml"
cp "$work/repo/notes.yaml" "$work/notes.orig"
for command in rank check score; do
  set +e
  CCHC_CRITERIA_PATH="$work/sets" "$cchc" --lang en "$command" "$work/repo/a.yaml" -o "$work/sets/small-2023.yaml" \
    >/dev/null 2>"$work/err.txt"
  status=$?
  set -e
  check "$command -o naming a criteria set of CCHC_CRITERIA_PATH exits 2" test "$status" -eq 2
  check "$command -o naming a criteria set of CCHC_CRITERIA_PATH says why" \
    grep -q "refusing to overwrite an input file" "$work/err.txt"
  check "$command -o naming a criteria set of CCHC_CRITERIA_PATH leaves it intact" \
    cmp -s "$work/sets.orig" "$work/sets/small-2023.yaml"
done
set +e
CCHC_CRITERIA_PATH="$work/sets" "$cchc" --lang en check "$work/repo" -o "$work/repo/notes.yaml" >/dev/null 2>"$work/err.txt"
status=$?
set -e
check "check DIR -o DIR/skipped.yaml exits 2" test "$status" -eq 2
check "check DIR -o DIR/skipped.yaml leaves the skipped file intact" cmp -s "$work/notes.orig" "$work/repo/notes.yaml"
check "check DIR -o DIR/new.json writes" \
  env CCHC_CRITERIA_PATH="$work/sets" "$cchc" check "$work/repo" -f json -o "$work/repo/new.json"

# Devices and pipes are written directly; a full disk is an error.
check "-o /dev/null succeeds" "$cchc" score -o /dev/null "$example" 2>/dev/null
mkfifo "$work/pipe"
cat "$work/pipe" >"$work/from-pipe.txt" &
reader=$!
set +e
timeout 20 "$cchc" --lang en score -o "$work/pipe" "$example" 2>/dev/null
status=$?
set -e
wait "$reader"
check "-o a named pipe exits 0" test "$status" -eq 0
check "-o a named pipe writes the report into it" cmp -s "$work/expected.txt" "$work/from-pipe.txt"
check "-o a named pipe leaves it a pipe" test -p "$work/pipe"
set +e
"$cchc" --lang en score -o /dev/full "$example" >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
check "-o /dev/full exits 2" test "$status" -eq 2
check "-o /dev/full says the disk is full" grep -qx "cchc: error: cannot write /dev/full: No space left on device" "$work/err.txt"
check "-o /dev/full prints nothing on stdout" test ! -s "$work/out.txt"

# stdout carries only the report; a write error to stdout is reported.
set +e
"$cchc" score "$example" >/dev/full 2>/dev/null
status=$?
set -e
check "a full stdout exits 2" test "$status" -eq 2

exit "$failures"
