#!/usr/bin/env bash
# The benchmark harness (bench/README.md, docs/performance.md). In one run:
#   (a) the parse-only floor: yaml-cpp loading every file and touching every
#       scalar, one thread (bench/parse_floor);
#   (b) `cchc rank` on the same files with 1 thread and with every core;
#   (c) one `cchc score` process on one file, against the floor of process
#       start-up (`cchc --version`) plus parsing its two files (the criteria
#       set and the evidence);
#   peak memory of `cchc rank` for N = 200 and N = 2,000 files;
# then the stages of one file (bench/stages, Google Benchmark). It prints
# seconds and the ratios the performance targets are stated in. A benchmark,
# not a test: it reports a missed target, it does not fail on one.
#
#   bench/run.sh [--build DIR] [--repeat R] [--sizes "200 2000"] [--no-stages]
#
# Builds (RelWithDebInfo, the README's build type, with -DCCHC_BENCH=ON) in
# DIR (default build-bench), generates the files (bench/generate.sh) in a
# temporary folder, and takes the median of R rounds (default 5; ten times as
# many for the one-file figures) after a warm-up run that puts the files in
# the page cache. Each round times every command of a comparison in turn.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
repeat=5
sizes="200 2000"
stages=1
while (($# > 0)); do
  case $1 in
    --build) build=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --no-stages) stages=0; shift ;;
    *) echo "usage: bench/run.sh [--build DIR] [--repeat R] [--sizes \"200 2000\"] [--no-stages]" >&2; exit 2 ;;
  esac
done
for tool in cmake ninja /usr/bin/time; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench/run.sh: $tool is missing: bash .ci/install-deps --bench" >&2
    exit 2
  fi
done

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCHC_BENCH=ON -DCCHC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" >/dev/null
cchc="$build/cchc"
floor="$build/bench/parse_floor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8
unset CCHC_CRITERIA_PATH

# seconds COMMAND...: the wall time of one run of COMMAND, in nanoseconds.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $((end - start))
}

# median NANOSECONDS...: the median, in seconds.
median() {
  printf '%s\n' "$@" | sort -n | awk '{ t[NR] = $1 } END { printf "%.4f\n", t[int((NR + 1) / 2)] / 1e9 }'
}

# peak_mb COMMAND...: the peak resident memory of COMMAND, in MB.
peak_mb() {
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1
  awk '{ printf "%.1f\n", $1 / 1024 }' "$work/rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() {  # verdict VALUE OP LIMIT
  if awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { exit !((op == "<=") ? v <= l : v >= l) }'; then
    echo "met"
  else
    echo "MISSED"
  fi
}

cores=$(nproc)
echo "cchc benchmarks — $(date -u +%Y-%m-%d), $(uname -m), ${cores} cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "$("$cchc" --version | head -1); RelWithDebInfo; medians of $repeat rounds after a warm-up"
echo

declare -A rank1 rankall parse memory
for n in $sizes; do
  bash "$root/bench/generate.sh" "$n" "$work/$n"
  sync  # the files written, so that no flush to disk runs during the timings
  files=("$work/$n"/*.yaml)
  # The three are timed in turn in every round, so that a slower spell of a
  # shared machine falls on all of them alike.
  "$floor" "${files[@]}" >/dev/null  # warm-up: the files into the page cache
  times_parse=() times_rank1=() times_rankall=()
  for ((round = 0; round < repeat; ++round)); do
    times_parse+=("$(seconds "$floor" "${files[@]}")")
    times_rank1+=("$(seconds "$cchc" rank --jobs 1 -f csv -o /dev/null "$work/$n")")
    times_rankall+=("$(seconds "$cchc" rank --jobs "$cores" -f csv -o /dev/null "$work/$n")")
  done
  parse[$n]=$(median "${times_parse[@]}")
  rank1[$n]=$(median "${times_rank1[@]}")
  rankall[$n]=$(median "${times_rankall[@]}")
  memory[$n]=$(peak_mb "$cchc" rank --jobs "$cores" -f csv -o /dev/null "$work/$n")
  bytes=$(cat "${files[@]}" | wc -c)
  printf 'N = %d evidence files (%d bytes, mau-so-2021)\n' "$n" "$bytes"
  printf '  (a) parse floor, 1 thread          %8.3f s   %6.0f files/s\n' "${parse[$n]}" "$(awk -v n="$n" -v t="${parse[$n]}" 'BEGIN { print n / t }')"
  printf '  (b) cchc rank, 1 thread            %8.3f s   %6.2f × the floor\n' "${rank1[$n]}" "$(ratio "${rank1[$n]}" "${parse[$n]}")"
  printf '      cchc rank, %d threads           %8.3f s   %6.2f × the floor, %.2f× faster than 1 thread\n' \
    "$cores" "${rankall[$n]}" "$(ratio "${rankall[$n]}" "${parse[$n]}")" "$(ratio "${rank1[$n]}" "${rankall[$n]}")"
  printf '      peak memory (%d threads)        %8.1f MB\n' "$cores" "${memory[$n]}"
  echo
done

# (c) one score: start-up plus parsing its two files is the floor.
example="$root/examples/quang-nam-2021/so-ldtbxh.yaml"
criteria="$root/criteria/mau-so-2021.yaml"
singles=$((repeat * 10))
"$cchc" score "$example" >/dev/null 2>&1  # warm-up
times_startup=() times_parse_two=() times_inside=() times_single=()
for ((round = 0; round < singles; ++round)); do
  times_startup+=("$(seconds "$cchc" --version)")
  times_parse_two+=("$(seconds "$floor" "$criteria" "$example")")
  times_inside+=("$("$floor" "$criteria" "$example" | awk '{ printf "%d", $NF * 1e9 }')")
  times_single+=("$(seconds "$cchc" score "$example")")
done
startup=$(median "${times_startup[@]}")
parse_two=$(median "${times_parse_two[@]}")
parse_two_inside=$(median "${times_inside[@]}")
single=$(median "${times_single[@]}")
one_floor=$(awk -v a="$startup" -v b="$parse_two_inside" 'BEGIN { printf "%.4f", a + b }')
echo "One file: cchc score $(basename "$example") (criteria mau-so-2021), median of $singles rounds"
printf '  process start-up (cchc --version)  %8.4f s\n' "$startup"
printf '  parsing its two files (in-process) %8.4f s   (as a process of its own: %.4f s)\n' "$parse_two_inside" "$parse_two"
printf '  cchc score                         %8.4f s   %6.2f × the floor (start-up + parsing)\n' "$single" "$(ratio "$single" "$one_floor")"
echo

largest=${sizes##* }
smallest=${sizes%% *}
echo "Targets (on N = $largest; SPEC of issue 7)"
value=$(ratio "${rankall[$largest]}" "${parse[$largest]}")
printf '  rank, %d threads / parse floor      %6s  (≤ 0.80)  %s\n' "$cores" "$value" "$(verdict "$value" "<=" 0.8)"
value=$(ratio "${rank1[$largest]}" "${rankall[$largest]}")
printf '  rank, 1 thread / %d threads         %6s  (≥ 1.70)  %s\n' "$cores" "$value" "$(verdict "$value" ">=" 1.7)"
printf '  peak memory, N = %-5d             %6s MB (≤ 64)   %s\n' "$largest" "${memory[$largest]}" "$(verdict "${memory[$largest]}" "<=" 64)"
value=$(ratio "${memory[$largest]}" "${memory[$smallest]}")
printf '  peak memory, N = %d / N = %d      %6s  (about 1)  %s\n' "$largest" "$smallest" "$value" "$(verdict "$value" "<=" 1.25)"
value=$(ratio "$single" "$one_floor")
printf '  score / (start-up + parsing)       %6s  (≤ 1.30)  %s\n' "$value" "$(verdict "$value" "<=" 1.3)"

if ((stages == 1)) && [[ -x "$build/bench/stages" ]]; then
  echo
  echo "Stages of one file (bench/stages, Google Benchmark)"
  CCHC_SOURCE_DIR="$root" "$build/bench/stages" --benchmark_min_time=0.5 2>/dev/null
fi
