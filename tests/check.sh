# Sourced by the shell tests (tests/cli/*.sh, tests/package/*.sh):
#   check DESCRIPTION COMMAND...   runs COMMAND; prints "ok: DESCRIPTION" or
#                                  "FAILED: DESCRIPTION" (stderr) and counts it
#   count FILE TEXT                how many times TEXT occurs in FILE
# The caller ends with `((failures == 0))` or its own summary.
failures=0
check() {
  local description=$1
  shift
  if "$@"; then
    echo "ok: $description"
  else
    echo "FAILED: $description" >&2
    failures=$((failures + 1))
  fi
}
count() {
  grep -oF -- "$2" "$1" | wc -l
}
