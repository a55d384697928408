#!/usr/bin/env bash
# Runs the fuzz targets of a fuzz build for a bounded time each, on a corpus
# seeded from the project's test data, and fails when one finds a crash, a
# hang or a leak. What .ci/run calls; see fuzz/README.md.
#   fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]
# Corpora grow in BUILD_DIR/fuzz-corpus/TARGET (kept between runs); crashing
# inputs are saved as BUILD_DIR/fuzz-artifacts/TARGET-crash-*.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)
seconds=${2:-30}
shift $(($# >= 2 ? 2 : $#))
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(fuzz_criteria fuzz_evidence fuzz_results fuzz_score fuzz_check)
fi

seeds="$build/fuzz-seeds"
rm -rf "$seeds"
bash "$root/fuzz/make-corpus.sh" "$seeds" >/dev/null
mkdir -p "$build/fuzz-artifacts"

# Inputs up to 64 KiB (the largest shipped file is 53 KB); 10 s for one input
# is a hang; 2 GiB of memory, or one allocation of 512 MiB, is a leak of
# memory on a file that small.
options=(-max_len=65536 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512
         -dict="$root/fuzz/cchc.dict" -print_final_stats=1)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failures=0
summary=()
for target in "${targets[@]}"; do
  binary="$build/fuzz/$target"
  corpus="$build/fuzz-corpus/$target"
  log="$build/fuzz-artifacts/$target.log"
  mkdir -p "$corpus"
  echo "== $target: ${seconds}s"
  "$binary" "${options[@]}" -max_total_time="$seconds" \
    -artifact_prefix="$build/fuzz-artifacts/$target-" "$corpus" "$seeds/$target" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1)
  if ((status != 0)); then
    echo "FAILED: $target exited $status; the end of its log ($log):" >&2
    tail -n 60 "$log" >&2
    failures=$((failures + 1))
    summary+=("$target: FAILED after ${runs:-?} runs")
  else
    summary+=("$target: ${runs:-?} runs (${rate:-?}/s), ${cov:-cov: ?}, corpus $(find "$corpus" -type f | wc -l) files, no crash")
  fi
done
printf '%s\n' "${summary[@]}"
exit $((failures > 0))
