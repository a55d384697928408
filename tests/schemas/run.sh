#!/usr/bin/env bash
# Checks the JSON Schemas in schemas/ that editors use to validate and complete
# cchc's YAML files (yaml-language-server), with tests/schemas/validate.py:
#   (a) every shipped file validates: criteria/*.yaml, every examples/**/*.yaml
#       (and .yml) tagged cchc: criteria/1, evidence/1 or results/1, and
#       tests/data/results/*.yaml; a `# yaml-language-server: $schema=` line,
#       where a file has one, points at the schema of the file's kind;
#   (b) every deliberately bad file in tests/data/schemas/ fails, with exactly
#       one problem: the one its `# expect:` header line names;
#   (c) the schemas are draft-07, and every property has a title and a
#       description (the editors' hover text) written "English (tiếng Việt)";
#   (d) validate.py's exit status: 2 on usage errors, 1 when a file fails.
# Prints one ok:/FAILED: line per check and exits 1 if any failed.
#
# Needs python3 with PyYAML and jsonschema (Debian: python3-yaml,
# python3-jsonschema). Without them it prints a note and exits 77 (skipped),
# unless CCHC_REQUIRE_SCHEMA_TOOLS=1, where that is a failure.
# PYTHON3=/path/to/python3 picks another interpreter.
#
#   bash tests/schemas/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

python=${PYTHON3:-python3}
if ! command -v "$python" >/dev/null 2>&1 || ! "$python" -c 'import yaml, jsonschema' 2>/dev/null; then
  if [[ ${CCHC_REQUIRE_SCHEMA_TOOLS:-} == 1 ]]; then
    echo "FAILED: $python cannot import yaml and jsonschema, and CCHC_REQUIRE_SCHEMA_TOOLS=1" \
      "(apt-get install python3-yaml python3-jsonschema)"
    exit 1
  fi
  echo "skip: $python cannot import yaml and jsonschema (apt-get install python3-yaml python3-jsonschema);" \
    "set CCHC_REQUIRE_SCHEMA_TOOLS=1 to make that a failure"
  exit 77
fi

validate=("$python" tests/schemas/validate.py)
passed=0
failed=0
ok() {
  echo "ok: $*"
  passed=$((passed + 1))
}
failed() {
  echo "FAILED: $*"
  failed=$((failed + 1))
}
indent() { sed 's/^/    /'; }

# The kind a file's `cchc:` line gives (criteria, evidence, results), or nothing.
kind_of() {
  LC_ALL=C sed -n -E $'1s/^\xef\xbb\xbf//; s/^cchc:[[:space:]]*["\']?(criteria|evidence|results)\\/1["\']?[[:space:]]*(#.*)?\r?$/\\1/p' "$1" | head -n 1
}

# ---- (a) every shipped file validates -------------------------------------------
shipped=(criteria/*.yaml)
while IFS= read -r -d '' file; do
  if [[ -n $(kind_of "$file") ]]; then
    shipped+=("$file")
  fi
done < <(find examples \( -name '*.yaml' -o -name '*.yml' \) -type f -print0 | LC_ALL=C sort -z)
shipped+=(tests/data/results/*.yaml)

declare -A kinds_seen=()
for file in "${shipped[@]}"; do
  kind=$(kind_of "$file")
  kinds_seen[${kind:-none}]=1
  if out=$("${validate[@]}" "$file" 2>&1); then status=0; else status=$?; fi
  if [[ $status == 0 && $out == "$file: ok" ]]; then
    ok "valid: $file"
  else
    failed "valid: $file (exit $status)"
    indent <<<"$out"
  fi
  # The editor's modeline: every shipped criteria and example file has one,
  # on its first line, naming this kind's schema.
  modeline=$(grep -m 1 -E '^#[[:space:]]+yaml-language-server[[:space:]]*:' "$file" || true)
  if [[ -z $modeline && $file != tests/* ]]; then
    failed "modeline: $file has no '# yaml-language-server: \$schema=' line"
  elif [[ -n $modeline && $file != tests/* && $(head -n 1 "$file") != "$modeline" ]]; then
    failed "modeline: $file: the yaml-language-server line is not the first line"
  fi
  if [[ -n $modeline ]]; then
    target=$(sed -n -E 's/.*\$schema=([^[:space:]]+).*/\1/p' <<<"$modeline")
    want="$PWD/schemas/$kind-1.schema.json"
    got=$(cd "$(dirname "$file")" && realpath -m -- "${target:-missing}")
    if [[ $got == "$want" && -f $got ]]; then
      ok "modeline: $file → ${target}"
    else
      failed "modeline: $file: \$schema=${target:-(none)} is not schemas/$kind-1.schema.json"
    fi
  fi
done
for kind in criteria evidence results; do
  if [[ -n ${kinds_seen[$kind]:-} ]]; then
    ok "shipped files include $kind/1"
  else
    failed "no shipped $kind/1 file was found to validate"
  fi
done

# ---- (b) every deliberately bad file fails, for the reason it names ------------------
bad_files=(tests/data/schemas/*.yaml)
if [[ ! -e ${bad_files[0]} ]]; then
  failed "no bad files in tests/data/schemas/"
  bad_files=()
fi
for file in "${bad_files[@]}"; do
  expect=$(sed -n 's/^# expect: //p' "$file" | head -n 1)
  if [[ -z $expect ]]; then
    failed "rejected: $file has no '# expect: MESSAGE' header line"
    continue
  fi
  if out=$("${validate[@]}" "$file" 2>&1); then status=0; else status=$?; fi
  problems=$(grep -c -F "$file: " <<<"$out" || true)
  if [[ $status == 1 && $problems == 1 && $out == "$file: $expect"* ]]; then
    ok "rejected: $file"
  else
    failed "rejected: $file (exit $status, $problems problem(s); expected exit 1 and exactly: $file: $expect ...)"
    indent <<<"$out"
  fi
done

# ---- (c) the schemas themselves ---------------------------------------------------------
if out=$("$python" - <<'EOF' 2>&1
import json, pathlib, re, sys
import jsonschema

problems = []

def walk(node, where, in_branch=False):
    """Every property outside if/then/else needs 'Title (tiếng Việt)' and a description."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            walk(item, f"{where}/{i}", in_branch)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        branch = in_branch or key in ("if", "then", "else")
        if key == "properties" and not branch:
            for name, prop in value.items():
                if not isinstance(prop, dict):
                    problems.append(f"{where}/properties/{name}: not a schema")
                    continue
                title = prop.get("title", "")
                if not re.fullmatch(r"[A-Z].* \(.+\)", title):
                    problems.append(f"{where}/properties/{name}: title {title!r} is not 'English (tiếng Việt)'")
                if not prop.get("description"):
                    problems.append(f"{where}/properties/{name}: no description")
        walk(value, f"{where}/{key}", branch)

for path in sorted(pathlib.Path("schemas").glob("*.schema.json")):
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    if schema.get("$schema") != "http://json-schema.org/draft-07/schema#":
        problems.append(f"{path}: $schema is not draft-07")
    if "$id" in schema:
        problems.append(f"{path}: has an $id (network name)")
    if not schema.get("title") or not schema.get("description"):
        problems.append(f"{path}: no title or description")
    walk(schema, str(path))
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
); then
  ok "schemas are draft-07 with a title and description on every property"
else
  failed "schemas: lint"
  indent <<<"$out"
fi

# ---- (d) validate.py's exit status --------------------------------------------------------
if out=$("${validate[@]}" 2>&1); then status=0; else status=$?; fi
if [[ $status == 2 ]]; then ok "validate.py with no FILE exits 2"; else failed "validate.py with no FILE exits $status, not 2"; fi
if out=$("${validate[@]}" tests/schemas/no-such-file.yaml 2>&1); then status=0; else status=$?; fi
if [[ $status == 2 && $out == "tests/schemas/no-such-file.yaml: cannot read"* ]]; then
  ok "validate.py with a missing FILE exits 2"
else
  failed "validate.py with a missing FILE exits $status, not 2"
  indent <<<"$out"
fi
if out=$("${validate[@]}" criteria/mau-so-2021.yaml tests/data/schemas/no-tag.yaml 2>&1); then status=0; else status=$?; fi
if [[ $status == 1 && $out == *"criteria/mau-so-2021.yaml: ok"* && $out == *"tests/data/schemas/no-tag.yaml: no cchc: tag"* ]]; then
  ok "validate.py reports every file and exits 1 when one fails"
else
  failed "validate.py with a valid and an invalid file exits $status, not 1"
  indent <<<"$out"
fi

echo "schemas: $passed passed, $failed failed"
[[ $failed == 0 ]]
