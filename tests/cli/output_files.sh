#!/usr/bin/env bash
# -o FILE (SPEC §4, docs/limits.md §2): written atomically, never over an
# input, nothing left behind by a failed or killed run; descriptors, devices
# and pipes written in place, symlinks followed. Usage: output_files.sh CCHC
set -euo pipefail
cchc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: some runs change folder
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=examples/quang-nam-2021/so-y-te.yaml
# shellcheck source=../check.sh
source "$root/tests/check.sh"
holds() {  # holds FOLDER NAME...: FOLDER holds exactly these entries, hidden ones included
  local folder=$1 name expected=
  shift
  for name in "$@"; do
    expected+="$name "
  done
  test "$(ls -A "$folder" | tr '\n' ' ')" = "$expected"
}
is_workbook() {  # is_workbook FILE: a complete zip (an xlsx workbook)
  if command -v unzip >/dev/null; then
    unzip -tq "$1" >/dev/null
  else
    test "$(head -c 2 "$1")" = PK
  fi
}
strace_works=false
if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
  strace_works=true
fi

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

# The same input by every other spelling: ./file, dir/../file, ../x/./file, a
# relative path, a symlink, a chain of symlinks, a hard link, /dev/stdout
# appending to it.
mkdir -p "$work/x/y" "$work/links-to-input"
cp "$example" "$work/x/in.yaml"
ln "$work/x/in.yaml" "$work/x/hard.yaml"
ln -s ../x/in.yaml "$work/links-to-input/link.yaml"
ln -s link.yaml "$work/links-to-input/chain.yaml"
refused() {  # refused DESCRIPTION OUTPUT [FOLDER]: -o OUTPUT, run in FOLDER (default x/y), naming $work/x/in.yaml is refused
  local status
  set +e
  (cd "${3:-$work/x/y}" && "$cchc" --lang en score -c mau-so-2021 -o "$2" "$work/x/in.yaml" >"$work/out.txt" 2>"$work/err.txt")
  status=$?
  set -e
  check "-o naming an input ($1) exits 2" test "$status" -eq 2
  check "-o naming an input ($1) says why" \
    grep -qxF "cchc: error: cannot write $2: refusing to overwrite an input file (the same file as $work/x/in.yaml)" \
    "$work/err.txt"
  check "-o naming an input ($1) leaves it intact" cmp -s "$example" "$work/x/in.yaml"
  check "-o naming an input ($1) prints nothing" test ! -s "$work/out.txt"
  check "-o naming an input ($1) leaves no temporary file" holds "$work/x" hard.yaml in.yaml y
}
refused "./in.yaml" "./in.yaml" "$work/x"
refused "y/../in.yaml" "y/../in.yaml" "$work/x"
refused "../x/./in.yaml" "$work/x/../x/./in.yaml"
refused "a relative path" "../in.yaml"
refused "a symlink" "$work/links-to-input/link.yaml"
refused "a chain of symlinks" "$work/links-to-input/chain.yaml"
refused "a hard link" "$work/x/hard.yaml"
set +e
"$cchc" --lang en score -c mau-so-2021 -o /dev/stdout "$work/x/in.yaml" >>"$work/x/in.yaml" 2>"$work/err.txt"
status=$?
set -e
check "-o /dev/stdout >> INPUT exits 2" test "$status" -eq 2
check "-o /dev/stdout >> INPUT says why" grep -q "refusing to overwrite an input file" "$work/err.txt"
check "-o /dev/stdout >> INPUT leaves it intact" cmp -s "$example" "$work/x/in.yaml"
check "the refusal is in Vietnamese by default" \
  sh -c '"$1" score -c mau-so-2021 -o "$2" "$2" 2>&1 >/dev/null | grep -qxF "cchc: error: không ghi được $2: không ghi đè lên tệp đầu vào (chính là tệp $2)"' \
  sh "$cchc" "$work/x/in.yaml"

# The report goes to a file without a name (O_TMPFILE) in the target's folder
# (never in $TMPDIR, from where it could not be linked on another file
# system), written, flushed to disk, then linked as the new file; an existing
# file is replaced by a link under a short temporary name and a rename.
if $strace_works; then
  mkdir -p "$work/traced" "$work/tmpdir"
  traced() {  # traced: -o traced/report.txt under strace, the trace in trace.txt
    # LeakSanitizer cannot run under ptrace: leaks are checked by every other run.
    ASAN_OPTIONS=detect_leaks=0 TMPDIR="$work/tmpdir" strace -f -o "$work/trace.txt" \
      -e trace=openat,write,fsync,fchmod,close,linkat,rename,renameat,renameat2,unlink,unlinkat \
      "$cchc" --lang en score -o "$work/traced/report.txt" "$example" 2>/dev/null
  }
  sequence() {  # sequence FD: the calls on FD, from its O_TMPFILE openat to its close, and the naming ones
    awk -v fd="$1" '
      /O_TMPFILE/ && $NF == fd { on = 1; next }
      !on { next }
      $2 ~ "^write\\(" fd "," { if (last != "write") print "write"; last = "write"; next }
      $2 ~ "^(fchmod|fsync)\\(" fd "[,)]" { sub(/\(.*/, "", $2); print $2; last = $2; next }
      $2 ~ "^close\\(" fd "\\)" { print "close"; exit }
      $2 ~ "^(linkat|rename)\\(" { sub(/\(.*/, "", $2); print $2; last = $2 }' "$work/trace.txt" | tr '\n' ' '
  }
  traced
  check "-o via strace writes the report" cmp -s "$work/expected.txt" "$work/traced/report.txt"
  fd=$(sed -n 's#.*openat(AT_FDCWD, "'"$work"'/traced", O_WRONLY|O_CLOEXEC|O_TMPFILE, 0600) = \([0-9]*\)$#\1#p' \
    "$work/trace.txt")
  check "-o makes a file without a name in the target's folder" test -n "$fd"
  order=$(sequence "$fd")
  check "-o writes, flushes, then names a new file (got: $order)" test "$order" = "write fchmod fsync linkat close "
  check "-o links the file as the target" \
    grep -qF "linkat(AT_FDCWD, \"/proc/self/fd/$fd\", AT_FDCWD, \"$work/traced/report.txt\", AT_SYMLINK_FOLLOW) = 0" \
    "$work/trace.txt"
  check "-o creates no file by name" test "$(grep -c 'O_CREAT' "$work/trace.txt")" -eq 0
  traced
  check "-o via strace replaces the report" cmp -s "$work/expected.txt" "$work/traced/report.txt"
  fd=$(sed -n 's#.*openat(AT_FDCWD, "'"$work"'/traced", O_WRONLY|O_CLOEXEC|O_TMPFILE, 0600) = \([0-9]*\)$#\1#p' \
    "$work/trace.txt")
  order=$(sequence "$fd")
  check "-o over an existing file links a temporary name, then renames (got: $order)" \
    test "$order" = "write fchmod fsync linkat rename close "
  temp=$(sed -n 's#.*linkat(AT_FDCWD, "/proc/self/fd/'"$fd"'", AT_FDCWD, "\('"$work"'/traced/[^"]*\)", AT_SYMLINK_FOLLOW) = 0$#\1#p' \
    "$work/trace.txt")
  check "-o names the temporary link .cchc- and 8 letters (got: $temp)" \
    grep -qx "$work/traced/\.cchc-[A-Za-z0-9]\{8\}" <<<"$temp"
  check "-o renames the temporary link onto the target" \
    grep -qF "rename(\"$temp\", \"$work/traced/report.txt\") = 0" "$work/trace.txt"
  check "-o leaves nothing but the report" holds "$work/traced" report.txt
  check "-o leaves nothing in \$TMPDIR" holds "$work/tmpdir"
  # xlsx: the workbook is built in a file without a name in $TMPDIR, and
  # each temporary file libxlsxwriter makes there is removed by its next call.
  mkdir -p "$work/traced-xlsx" "$work/tmpdir-xlsx"
  ASAN_OPTIONS=detect_leaks=0 TMPDIR="$work/tmpdir-xlsx" strace -f -o "$work/trace.txt" -e trace=openat,unlink \
    "$cchc" rank -f xlsx -o "$work/traced-xlsx/rank.xlsx" examples/quang-nam-2021 2>/dev/null
  check "xlsx: the workbook is built in a file without a name in \$TMPDIR" \
    grep -qF "openat(AT_FDCWD, \"$work/tmpdir-xlsx\", O_RDWR|O_CLOEXEC|O_TMPFILE, 0600) = " "$work/trace.txt"
  made=$(grep -c "openat(AT_FDCWD, \"$work/tmpdir-xlsx/[^\"]*\", [^)]*O_CREAT" "$work/trace.txt" || true)
  lingering=$(awk -v dir="$work/tmpdir-xlsx/" '
    made != "" { if (index($0, "unlink(\"" made "\") = 0") == 0) print made; made = "" }
    /O_CREAT/ && index($0, "\"" dir) { match($0, /"[^"]*"/); made = substr($0, RSTART + 1, RLENGTH - 2) }
    END { if (made != "") print made }' "$work/trace.txt")
  check "xlsx: libxlsxwriter's $made files in \$TMPDIR are each removed at once (lingering: $lingering)" \
    test "$made" -gt 0 -a -z "$lingering"
  check "xlsx: the workbook is written" is_workbook "$work/traced-xlsx/rank.xlsx"
  check "xlsx: nothing is left in \$TMPDIR" holds "$work/tmpdir-xlsx"
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

# A path that names a descriptor of the run is written through it, where it
# stands, as without -o: `-o /dev/stdout >> FILE` appends to FILE (opening
# /dev/stdout anew would replace or truncate FILE), in every spelling.
{ printf 'before\n'; cat "$work/expected.txt"; } >"$work/appended.expected"
ln -s /dev/stdout "$work/to-stdout"
for spelling in /dev/stdout /dev/fd/1 /proc/self/fd/1 "$work/to-stdout"; do
  printf 'before\n' >"$work/appended.txt"
  inode=$(stat -c %i "$work/appended.txt")
  "$cchc" --lang en score -o "$spelling" "$example" >>"$work/appended.txt" 2>/dev/null
  check "-o $spelling >> FILE appends to FILE" cmp -s "$work/appended.expected" "$work/appended.txt"
  check "-o $spelling >> FILE keeps FILE (same inode)" test "$(stat -c %i "$work/appended.txt")" = "$inode"
done
"$cchc" --lang en score -o /dev/stdout "$example" >"$work/redirected.txt" 2>/dev/null
check "-o /dev/stdout > FILE writes FILE" cmp -s "$work/expected.txt" "$work/redirected.txt"
printf 'before\n' >"$work/appended.txt"
"$cchc" --lang en score -o /dev/fd/3 "$example" 3>>"$work/appended.txt" >"$work/out.txt" 2>/dev/null
check "-o /dev/fd/3 3>> FILE appends to FILE" cmp -s "$work/appended.expected" "$work/appended.txt"
check "-o /dev/fd/3 prints nothing on stdout" test ! -s "$work/out.txt"
"$cchc" --lang en score -o /dev/stdout "$example" 2>/dev/null | cat >"$work/piped.txt"
check "-o /dev/stdout into a pipe" cmp -s "$work/expected.txt" "$work/piped.txt"
set +e
"$cchc" --lang en score -o /dev/fd/7 "$example" >"$work/out.txt" 2>"$work/err.txt" 7>&-
status=$?
set -e
check "-o a descriptor that is not open exits 2" test "$status" -eq 2
check "-o a descriptor that is not open says why" \
  grep -qxF "cchc: error: cannot write /dev/fd/7: Bad file descriptor" "$work/err.txt"
check "-o a descriptor that is not open prints nothing" test ! -s "$work/out.txt"
check "-o a descriptor that is not open is in Vietnamese by default" \
  sh -c '"$1" score -o /dev/fd/7 "$2" 7>&- 2>&1 >/dev/null | grep -qxF "cchc: error: không ghi được /dev/fd/7: Bad file descriptor"' \
  sh "$cchc" "$example"

# A symlink is followed to the file it names, which is created when missing
# (a dangling symlink), through a chain of symlinks; the symlinks stay.
mkdir -p "$work/links/sub"
ln -s new.txt "$work/links/dangling.txt"
"$cchc" --lang en score -o "$work/links/dangling.txt" "$example" 2>/dev/null || true
check "-o a dangling symlink creates the file it names" cmp -s "$work/expected.txt" "$work/links/new.txt"
check "-o a dangling symlink stays a symlink to it" test "$(readlink "$work/links/dangling.txt")" = new.txt
ln -s sub/second.txt "$work/links/first.txt"
ln -s ../final.txt "$work/links/sub/second.txt"
"$cchc" --lang en score -o "$work/links/first.txt" "$example" 2>/dev/null || true
check "-o a chain of dangling symlinks creates the last target" cmp -s "$work/expected.txt" "$work/links/final.txt"
check "-o a chain of symlinks keeps them" test -L "$work/links/first.txt" -a -L "$work/links/sub/second.txt"
echo "old" >"$work/links/existing.txt"
chmod 640 "$work/links/existing.txt"
ln -s existing.txt "$work/links/to-existing.txt"
"$cchc" --lang en score -o "$work/links/to-existing.txt" "$example" 2>/dev/null || true
check "-o a symlink to a file replaces the file" cmp -s "$work/expected.txt" "$work/links/existing.txt"
check "-o a symlink to a file keeps the symlink" test -L "$work/links/to-existing.txt"
check "-o over an existing file keeps its permissions" test "$(stat -c %a "$work/links/existing.txt")" = 640
check "-o through symlinks leaves no temporary file" \
  holds "$work/links" dangling.txt existing.txt final.txt first.txt new.txt sub to-existing.txt
check "-o through symlinks leaves no temporary file (sub)" holds "$work/links/sub" second.txt
ln -s nowhere/report.txt "$work/links/lost.txt"
set +e
"$cchc" --lang en score -o "$work/links/lost.txt" "$example" 2>"$work/err.txt"
status=$?
set -e
check "-o a symlink into a missing folder exits 2" test "$status" -eq 2
check "-o a symlink into a missing folder says why" \
  grep -qxF "cchc: error: cannot write $work/links/lost.txt: No such file or directory" "$work/err.txt"
ln -s loop-b "$work/links/loop-a"
ln -s loop-a "$work/links/loop-b"
set +e
"$cchc" --lang en score -o "$work/links/loop-a" "$example" 2>"$work/err.txt"
status=$?
set -e
check "-o a loop of symlinks exits 2" test "$status" -eq 2
check "-o a loop of symlinks says why" \
  grep -qxF "cchc: error: cannot write $work/links/loop-a: Too many levels of symbolic links" "$work/err.txt"

# A name of up to 255 bytes (NAME_MAX) is written, new or replaced: the
# temporary name is short whatever the target's.
mkdir -p "$work/long"
long250=$(printf 'a%.0s' {1..246}).txt
long255=$(printf 'b%.0s' {1..251}).txt
for name in "$long250" "$long255"; do
  for round in new replaced; do
    status=0
    "$cchc" --lang en score -o "$work/long/$name" "$example" 2>"$work/err.txt" || status=$?
    check "-o a ${#name}-byte name ($round) exits 0" test "$status" -eq 0
    check "-o a ${#name}-byte name ($round) raises no error" test "$(grep -c ': error: ' "$work/err.txt")" -eq 0
    check "-o a ${#name}-byte name ($round) writes the report" cmp -s "$work/expected.txt" "$work/long/$name"
  done
done
check "-o long names leave no temporary file" holds "$work/long" "$long250" "$long255"

# A run killed while it writes leaves nothing beside the target, and an old
# file as it was: the text goes to a file without a name until complete.
# `ulimit -f 1` kills the run with SIGXFSZ at its write past 1 KiB, in the
# middle of the report, the same way every time.
mkdir -p "$work/killed"
echo "old report" >"$work/killed/report.txt"
set +e
(ulimit -c 0 -f 1 && exec "$cchc" --lang en score -o "$work/killed/report.txt" "$example" 2>/dev/null)
status=$?
set -e
check "the report is larger than 1 KiB" test "$(wc -c <"$work/expected.txt")" -gt 1024
check "a run killed mid-write dies of SIGXFSZ (status $status)" test "$status" -eq $((128 + $(kill -l XFSZ)))
check "a run killed mid-write keeps the old file" grep -qx "old report" "$work/killed/report.txt"
check "a run killed mid-write leaves nothing beside it" holds "$work/killed" report.txt
# The same for a workbook, killed while libxlsxwriter builds it: nothing is
# left in $TMPDIR (where it is built) or beside the target.
mkdir -p "$work/killed-xlsx" "$work/tmp-xlsx"
set +e
(ulimit -c 0 -f 1 && TMPDIR="$work/tmp-xlsx" exec "$cchc" rank -f xlsx -o "$work/killed-xlsx/rank.xlsx" \
  examples/quang-nam-2021 2>/dev/null)
status=$?
set -e
check "an xlsx run killed mid-write dies of SIGXFSZ (status $status)" test "$status" -eq $((128 + $(kill -l XFSZ)))
check "an xlsx run killed mid-write leaves nothing in \$TMPDIR" holds "$work/tmp-xlsx"
check "an xlsx run killed mid-write leaves nothing beside the target" holds "$work/killed-xlsx"
TMPDIR="$work/tmp-xlsx" "$cchc" rank -f xlsx -o "$work/killed-xlsx/rank.xlsx" examples/quang-nam-2021 2>/dev/null || true
check "an xlsx run writes the workbook" is_workbook "$work/killed-xlsx/rank.xlsx"
check "an xlsx run leaves nothing in \$TMPDIR" holds "$work/tmp-xlsx"
check "an xlsx run leaves nothing beside the workbook" holds "$work/killed-xlsx" rank.xlsx

# kill -9 from outside during a large write (a 150,000-unit ranking, 12 MB):
# killed the moment the run holds a file open in the target's folder (for
# the unnamed file, /proc/PID/fd shows "FOLDER/#INODE (deleted)"), it leaves
# nothing beside the target and the old file intact.
mkdir -p "$work/big"
awk 'BEGIN {
  print "rank;unit;name;points;index;grade;year"
  for (i = 1; i <= 150000; ++i) {
    printf "%d;don-vi-%06d;Đơn vị thử nghiệm số %d;%d,%03d;%d,%03d;Khá;2023\n", i, i, i, 90 - i / 4000, i % 1000, 90 - i / 4000, i % 1000
  }
}' >"$work/big/ket-qua.csv"
"$cchc" --lang en rank -f csv "$work/big/ket-qua.csv" >"$work/big.expected" 2>/dev/null
echo "old ranking" >"$work/big/rank.csv"
"$cchc" --lang en rank -f csv -o "$work/big/rank.csv" "$work/big/ket-qua.csv" 2>/dev/null &
pid=$!
caught=false
while [[ -d /proc/$pid/fd ]] && ! grep -q '^State:.*zombie' "/proc/$pid/status" 2>/dev/null; do
  fds=$(ls -l "/proc/$pid/fd" 2>/dev/null || true)
  if awk -v dir="$work/big/" 'index($0, dir) && !index($0, "ket-qua.csv") { found = 1 } END { exit !found }' <<<"$fds"; then
    kill -KILL "$pid"
    caught=true
    break
  fi
  sleep 0.002
done
wait "$pid" 2>/dev/null || true
if $caught; then
  # Killed after the rename but before the close, the new ranking is complete.
  check "rank -o killed by kill -9 while writing leaves the old file or the complete new one" \
    eval 'grep -qx "old ranking" "$work/big/rank.csv" || cmp -s "$work/big.expected" "$work/big/rank.csv"'
  check "rank -o killed by kill -9 while writing leaves nothing beside it" holds "$work/big" ket-qua.csv rank.csv
else
  echo "skip: the run ended before kill -9 could catch it writing"
fi

# The same, deterministic: kill -9 and SIGTERM delivered by strace the moment
# the data is written and about to be flushed; and, where O_TMPFILE is made
# to fail, the named temporary file removed on SIGTERM and SIGINT.
if $strace_works; then
  echo "old ranking" >"$work/big/rank.csv"
  for signal in KILL TERM; do
    set +e
    ASAN_OPTIONS=detect_leaks=0 strace -f -o /dev/null -e trace=fsync -e inject=fsync:signal="$signal" \
      "$cchc" --lang en rank -f csv -o "$work/big/rank.csv" "$work/big/ket-qua.csv" 2>/dev/null
    status=$?
    set -e
    check "rank -o killed by SIG$signal before the flush dies of it (status $status)" \
      test "$status" -eq $((128 + $(kill -l "$signal")))
    check "rank -o killed by SIG$signal keeps the old file" grep -qx "old ranking" "$work/big/rank.csv"
    check "rank -o killed by SIG$signal leaves nothing beside it" holds "$work/big" ket-qua.csv rank.csv
  done
  # Where O_TMPFILE fails (made to fail as on a file system without it): a
  # named temporary file, which the handler of SIGTERM and SIGINT removes.
  tmpfile_call() {  # tmpfile_call CCHC_ARGS...: which openat of the run's main thread opens with O_TMPFILE
    mkdir -p "$work/count"
    ASAN_OPTIONS=detect_leaks=0 strace -f -o "$work/count.txt" -e trace=openat "$cchc" "$@" >/dev/null 2>&1
    awk 'NR == 1 { pid = $1 } $1 == pid { ++n } $1 == pid && /O_TMPFILE/ { print n; exit }' "$work/count.txt"
  }
  call=$(tmpfile_call --lang en score -o "$work/count/report.txt" "$example")
  echo "old report" >"$work/killed/report.txt"
  ignored() {  # ignored SIGNAL: this shell ignores SIGNAL (`cmd &`, nohup), and so would cchc
    local mask
    mask=$(awk '/^SigIgn:/ { print $2 }' /proc/$BASHPID/status)
    (((0x$mask >> ($(kill -l "$1") - 1)) & 1))
  }
  for signal in TERM INT; do
    if ignored "$signal"; then
      echo "skip: SIG$signal is ignored here, and so by cchc"
      continue
    fi
    set +e
    ASAN_OPTIONS=detect_leaks=0 strace -f -o "$work/trace.txt" -e trace=openat,fsync,unlink \
      -e inject=openat:error=EOPNOTSUPP:when="$call" -e inject=fsync:signal="$signal" \
      "$cchc" --lang en score -o "$work/killed/report.txt" "$example" 2>/dev/null
    status=$?
    set -e
    check "without O_TMPFILE, SIG$signal before the flush ends the run by it (status $status)" \
      test "$status" -eq $((128 + $(kill -l "$signal")))
    temp=$(sed -n 's#.*openat(AT_FDCWD, "\('"$work"'/killed/\.cchc-[A-Za-z0-9]\{8\}\)", O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC, 0600) = [0-9]*$#\1#p' \
      "$work/trace.txt")
    check "without O_TMPFILE, the run writes a named temporary file .cchc-XXXXXXXX beside the target" test -n "$temp"
    check "without O_TMPFILE, SIG$signal removes the temporary file" grep -qF "unlink(\"$temp\") = 0" "$work/trace.txt"
    check "without O_TMPFILE, SIG$signal leaves nothing beside the target" holds "$work/killed" report.txt
    check "without O_TMPFILE, SIG$signal keeps the old file" grep -qx "old report" "$work/killed/report.txt"
  done
  check "the big ranking is larger than 10 MB" test "$(wc -c <"$work/big.expected")" -gt 10000000
  call=$(tmpfile_call --lang en rank -f csv -o "$work/count/rank.csv" "$work/big/ket-qua.csv")
  ASAN_OPTIONS=detect_leaks=0 strace -f -o /dev/null -e trace=openat -e inject=openat:error=EOPNOTSUPP:when="$call" \
    "$cchc" --lang en rank -f csv -o "$work/big/rank.csv" "$work/big/ket-qua.csv" 2>/dev/null
  check "without O_TMPFILE, rank -o writes the ranking" cmp -s "$work/big.expected" "$work/big/rank.csv"
  check "without O_TMPFILE, rank -o leaves nothing beside it" holds "$work/big" ket-qua.csv rank.csv
  call=$(tmpfile_call --lang en score -o "$work/count/$long255" "$example")
  ASAN_OPTIONS=detect_leaks=0 strace -f -o /dev/null -e trace=openat -e inject=openat:error=EOPNOTSUPP:when="$call" \
    "$cchc" --lang en score -o "$work/long/$long255" "$example" 2>/dev/null
  check "without O_TMPFILE, a 255-byte name is written" cmp -s "$work/expected.txt" "$work/long/$long255"
  check "without O_TMPFILE, a 255-byte name leaves no temporary file" holds "$work/long" "$long250" "$long255"
fi

# stdout carries only the report; a write error to stdout is reported.
set +e
"$cchc" score "$example" >/dev/full 2>/dev/null
status=$?
set -e
check "a full stdout exits 2" test "$status" -eq 2

exit "$failures"
