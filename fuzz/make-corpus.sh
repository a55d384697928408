#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the files the project
# ships and tests with (criteria/, examples/, tests/data/), sorted by their
# format tag. Seeds are written, never committed.
#   fuzz/make-corpus.sh OUT_DIR     -> OUT_DIR/fuzz_criteria/, fuzz_evidence/, ...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: make-corpus.sh OUT_DIR}
mkdir -p "$out"/fuzz_criteria "$out"/fuzz_evidence "$out"/fuzz_score "$out"/fuzz_results "$out"/fuzz_check

# Copies a file under its content's hash, so that a seed found twice is kept once.
add() {  # add TARGET FILE
  local sum
  sum=$(sha1sum <"$2" | cut -c1-16)
  cp "$2" "$out/$1/seed-$sum"
}

count=0
while IFS= read -r -d '' file; do
  [[ -r "$file" ]] || continue
  case "$file" in
    *.csv)
      add fuzz_results "$file"
      ;;
    *.yaml | *.yml)
      # The format tag decides; a file without one (or a broken one) seeds
      # every target, since each must refuse it well.
      if grep -q '^cchc: *criteria/' "$file"; then
        add fuzz_criteria "$file"
      elif grep -q '^cchc: *evidence/' "$file"; then
        add fuzz_evidence "$file"
        add fuzz_score "$file"
        add fuzz_check "$file"
      elif grep -q '^cchc: *results/' "$file"; then
        add fuzz_results "$file"
      else
        for target in fuzz_criteria fuzz_evidence fuzz_score fuzz_results fuzz_check; do
          add "$target" "$file"
        done
      fi
      ;;
    *)
      continue
      ;;
  esac
  count=$((count + 1))
done < <(find "$root/criteria" "$root/examples" "$root/tests/data" -type f -size -256k -print0 | sort -z)

# The criteria fixture of the unit tests (every rule type, a profile, bonus
# and penalty) is the set evidence is fuzzed against by default.
sed -n '/k_criteria = R"(/,/^)";/p' "$root/tests/unit/test_support.hpp" | sed '1s/.*R"(//; $d' >"$out/fixture.yaml"
add fuzz_criteria "$out/fixture.yaml"
rm "$out/fixture.yaml"

for target in fuzz_criteria fuzz_evidence fuzz_score fuzz_results fuzz_check; do
  echo "$target: $(find "$out/$target" -type f | wc -l) seeds"
done
echo "from $count files"
