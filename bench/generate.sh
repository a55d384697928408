#!/usr/bin/env bash
# Generates N realistic evidence files for the shipped criteria set
# `mau-so-2021`, for the benchmarks (bench/run.sh).
#   bench/generate.sh N OUT_DIR
# Each file is one of the five Quảng Nam example files (examples/quang-nam-2021,
# 4–11 KB, 60–90 criteria with documents, notes and comments, one with a
# profile) under a new unit id and name, with its survey scores (8.x.y) and
# ratios ({done, of}) varied, so that the units spread over the grades and
# ranks instead of tying in five groups. The same N gives the same files.
# The documents cited with `file:` are copied beside them (tlkc/), so that
# the files score with the warnings they were written with, no more.
set -euo pipefail
count=${1:?usage: generate.sh N OUT_DIR}
out=${2:?usage: generate.sh N OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
examples="$root/examples/quang-nam-2021"
templates=(so-ldtbxh so-noi-vu so-tu-phap so-y-te thanh-tra-tinh)

mkdir -p "$out"
cp -r "$examples/tlkc" "$out/"
for ((i = 1; i <= count; ++i)); do
  template=${templates[$(((i - 1) % ${#templates[@]}))]}
  printf -v id 'bench-%05d' "$i"
  awk -v id="$id" -v number="$i" -v seed="$i" '
    BEGIN { srand(seed) }
    # The unit: a new id and name, the profile kept.
    /^unit: \{/ {
      profile = ""
      if (match($0, /profile: [a-z_]+/)) profile = ", " substr($0, RSTART, RLENGTH)
      printf "unit: {id: %s, name: \"Đơn vị thử nghiệm số %d\"%s}\n", id, number, profile
      next
    }
    # Survey scores: up to 0.50 lower than the example (never above its max).
    /^  "8\.[0-9]+\.[0-9]+": \{value: [0-9]+\.[0-9]+\}/ {
      match($0, /[0-9]+\.[0-9]+\}/)
      value = substr($0, RSTART, RLENGTH - 1) - int(rand() * 51) / 100
      if (value < 0) value = 0
      print substr($0, 1, RSTART - 1) sprintf("%.2f", value) substr($0, RSTART + RLENGTH - 1)
      next
    }
    # Ratios: up to 3 fewer tasks done.
    /\{done: [0-9]+, of: [0-9]+\}/ {
      match($0, /done: [0-9]+/)
      done = substr($0, RSTART + 6, RLENGTH - 6) - int(rand() * 4)
      if (done < 0) done = 0
      print substr($0, 1, RSTART - 1) "done: " done substr($0, RSTART + RLENGTH)
      next
    }
    { print }
  ' "$examples/$template.yaml" >"$out/$id.yaml"
done
