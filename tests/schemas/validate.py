#!/usr/bin/env python3
"""Validates cchc YAML files against the JSON Schemas in schemas/.

    python3 tests/schemas/validate.py FILE...

Each FILE is read as YAML, its `cchc:` tag picks the schema (criteria/1,
evidence/1, results/1 → schemas/KIND-1.schema.json) and every problem is
printed as `FILE: path.to.key: message (line N)`; a valid file prints
`FILE: ok`. Exit status: 0 all valid, 1 some file invalid, 2 usage error
(no FILE, an unreadable FILE, the tools or the schemas missing).

The YAML is read as the program reads it (YAML 1.2, docs/formats.md §1):
- dates stay text (2023-01-15 is a string, not a date);
- only true/false (True, TRUE, False, FALSE) are booleans: yes, no, on,
  off stay text;
- only ~, null, Null, NULL and the empty value are null;
- numbers are plain decimals (12, -3, 0.5, .5, 5.) of at most 12 digits
  before the point and 9 after; `1e3`, `0x10`, `0o7`, `.inf`, `1_000` and
  longer numbers stay text, so that a number field refuses them as the
  program does;
- keys are the text as written (`1.10:` is the key "1.10");
- duplicate keys, anchors, aliases, tags and a second document are errors.

Uses only the standard library, PyYAML and jsonschema (Draft7Validator;
works with jsonschema 4.10, Debian 12's python3-jsonschema).
"""

import difflib
import json
import pathlib
import re
import sys

try:
    import yaml
    from yaml.constructor import ConstructorError
    from yaml.composer import ComposerError
    from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
    import jsonschema
    from jsonschema.exceptions import best_match
except ImportError as missing:  # pragma: no cover - depends on the machine
    print(f"validate.py: needs PyYAML and jsonschema (python3-yaml, python3-jsonschema): {missing}",
          file=sys.stderr)
    sys.exit(2)

SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[2] / "schemas"
KINDS = {
    "criteria/1": "criteria-1.schema.json",
    "evidence/1": "evidence-1.schema.json",
    "results/1": "results-1.schema.json",
}

# The program's limits on numbers (docs/formats.md §1.1).
MAX_INTEGER_DIGITS = 12
MAX_DECIMALS = 9
EXPONENT_TAG = "tag:cchc,2024:exponent"


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core scalars the program accepts (see the module docs)."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed: write the content out",
                                event.start_mark)
        if isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if event.anchor is not None:
                raise ComposerError(None, None, f"anchors (&{event.anchor}) are not allowed", event.start_mark)
            if event.tag is not None and not (isinstance(event, ScalarEvent) and event.tag == "!"):
                shown = event.tag.replace("tag:yaml.org,2002:", "!!")
                raise ComposerError(None, None, f"tags ({shown}) are not allowed", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, f"expected a map, found {node.id}", node.start_mark)
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:null":
                raise ConstructorError("while reading a map", node.start_mark, "keys must be text",
                                       key_node.start_mark)
            key = key_node.value  # the text as written: `1.10:` is "1.10"
            if key in mapping:
                raise ConstructorError("while reading a map", node.start_mark, f"duplicate key {key!r}",
                                       key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_map(self, node):
        data = {}
        yield data
        data.update(self.construct_mapping(node))

    def construct_plain_number(self, node):
        text = self.construct_scalar(node)
        whole, _, fraction = text.lstrip("+-").partition(".")
        if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
            return NumberText(text, f"too large: at most {MAX_INTEGER_DIGITS} digits before the point")
        if len(fraction.rstrip("0")) > MAX_DECIMALS:
            return NumberText(text, f"more than {MAX_DECIMALS} decimals")
        return float(text) if "." in text else int(text, 10)

    def construct_exponent(self, node):
        return NumberText(self.construct_scalar(node), "write it without an exponent")


class NumberText(str):
    """A plain scalar that looks like a number the program does not read as
    one (1e3, 1234567890123): text, with the reason for messages."""

    def __new__(cls, text, reason):
        self = super().__new__(cls, text)
        self.reason = reason
        return self


# Start from no implicit resolvers at all (PyYAML's are YAML 1.1: dates,
# yes/no/on/off, sexagesimal numbers ...), then add the YAML 1.2 ones.
Yaml12Loader.yaml_implicit_resolvers = {}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$"), list("-+.0123456789"))
Yaml12Loader.add_implicit_resolver(
    EXPONENT_TAG, re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$"), list("-+.0123456789"))
Yaml12Loader.add_constructor("tag:yaml.org,2002:map", Yaml12Loader.construct_yaml_map)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", Yaml12Loader.construct_plain_number)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", Yaml12Loader.construct_plain_number)
Yaml12Loader.add_constructor(EXPONENT_TAG, Yaml12Loader.construct_exponent)


class FileProblem(Exception):
    """A file that cannot be validated at all; `usage` when it could not be read."""

    def __init__(self, message, usage=False):
        super().__init__(message)
        self.usage = usage


def load(path):
    """Returns (data, root node) of the one YAML document in `path`."""
    try:
        data = pathlib.Path(path).read_bytes()
    except OSError as error:
        raise FileProblem(f"cannot read: {error.strerror or error}", usage=True)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem("the file is UTF-16: save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise FileProblem(f"invalid UTF-8 (byte 0x{data[error.start]:02X}) at line {line}: save the file as UTF-8")
    loader = None
    try:
        loader = Yaml12Loader(text)
        root = loader.get_single_node()
        if root is None:
            raise FileProblem("the file is empty: expected a map starting with cchc:")
        return loader.construct_document(root), root
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = error.problem or error.context
        if error.context and error.problem and error.context.startswith("expected"):
            problem = f"{error.context}, {error.problem}"
        raise FileProblem(f"invalid YAML: {where}{problem}")
    except yaml.reader.ReaderError as error:
        line = text[:error.position].count("\n") + 1
        raise FileProblem(f"invalid YAML: line {line}: character U+{error.character:04X} is not allowed")
    except yaml.YAMLError as error:
        raise FileProblem(f"invalid YAML: {' '.join(str(error).split())}")
    finally:
        if loader is not None:
            loader.dispose()


def format_path(path):
    """fields[0].children[2].rule, items."1.1.1".value."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = str(part)
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
                key = json.dumps(key, ensure_ascii=False)
            out += ("." if out else "") + key
    return out or "(top)"


def node_at(root, path):
    """The YAML node at `path`, as deep as it can be followed."""
    node = root
    for part in path:
        if isinstance(node, MappingNode):
            match = next((value for key, value in node.value if isinstance(key, ScalarNode) and key.value == part),
                         None)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            match = node.value[part]
        else:
            match = None
        if match is None:
            break
        node = match
    return node


def key_node(node, key):
    if isinstance(node, MappingNode):
        for key_n, _ in node.value:
            if isinstance(key_n, ScalarNode) and key_n.value == key:
                return key_n
    return None


def did_you_mean(word, candidates):
    close = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def describe(error):
    """(message, unknown key or None, how many keys were known) for `error`."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "pattern" and "patternErrorMessage" in schema:
        return f"{schema['patternErrorMessage']}, found {found(error.instance)}", None, 0
    if "errorMessage" in schema:
        return schema["errorMessage"], None, 0
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = sorted(schema.get("properties", {}))
        extra = [key for key in error.instance if key not in known]
        if extra:
            hint = did_you_mean(extra[0], known) or f" (known keys: {', '.join(known) or 'none'})"
            return f"unknown key {extra[0]!r}{hint}", extra[0], len(known)
    if error.validator == "enum":
        options = ", ".join(map(str, error.validator_value))
        return (f"expected one of {options}, found {found(error.instance)}"
                f"{did_you_mean(error.instance, error.validator_value)}"), None, 0
    if error.validator == "const":
        return f"expected {error.validator_value!r}, found {found(error.instance)}", None, 0
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(map(TYPE_NAMES.get, expected)) if isinstance(expected, list) else TYPE_NAMES[expected]
        what = found(error.instance)
        if not isinstance(error.instance, NumberText) and isinstance(error.instance, str) and \
                re.fullmatch(r"\s*[-+]?[0-9]*[.,]?[0-9]+\s*", error.instance):
            what += " (write numbers unquoted, with a decimal point: 0.5)"
        return f"expected {expected}, found {what}", None, 0
    if error.validator in ("anyOf", "oneOf") and error.context:
        return describe_alternatives(error), None, 0
    if error.validator == "required":
        match = re.fullmatch(r"(.*) is a required property", error.message)
        return (f"the required key {match.group(1)} is missing" if match else error.message), None, 0
    value = error.validator_value
    bounds = {"minimum": "≥", "exclusiveMinimum": ">", "maximum": "≤", "exclusiveMaximum": "<"}
    if error.validator in bounds:
        kind = "a whole number" if schema.get("type") == "integer" else "a number"
        return f"expected {kind} {bounds[error.validator]} {value}, found {error.instance}", None, 0
    if error.validator == "minItems" and value == 1:
        return "the list must not be empty", None, 0
    return error.message, None, 0


def describe_alternatives(error):
    """An anyOf/oneOf error: the problem in the alternative of the right type
    when there is one, else the types that were expected."""
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    wrong_type = {index for index, subs in branches.items()
                  if any(sub.validator == "type" and not sub.relative_path for sub in subs)}
    fitting = [subs for index, subs in sorted(branches.items()) if index not in wrong_type]
    if fitting:
        best = best_match(fitting[0])
        where = format_path(best.relative_path) + ": " if best.relative_path else ""
        return where + describe(best)[0]
    alternatives = error.validator_value
    types = []
    for alternative in alternatives:
        kind = alternative.get("type") if isinstance(alternative, dict) else None
        name = TYPE_NAMES.get(kind) if isinstance(kind, str) else None
        if name and name not in types:
            types.append(name)
    expected = ", ".join(types[:-1]) + " or " + types[-1] if len(types) > 1 else (types or ["something else"])[0]
    return f"expected {expected}, found {found(error.instance)}"


TYPE_NAMES = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
              "object": "a map", "array": "a list", "null": "nothing"}


def shorten(value):
    text = repr(value) if not isinstance(value, NumberText) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def found(value):
    """How a value is named in messages: the text '2', the number 2, a list ..."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, NumberText):
        return f"{value} ({value.reason})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {shorten(value)}"
    return "a list" if isinstance(value, list) else "a map" if isinstance(value, dict) else shorten(value)


def validate(path, validators):
    """Returns the problems of one file as printable lines (empty when valid)."""
    data, root = load(path)
    if not isinstance(data, dict):
        raise FileProblem("expected a map starting with cchc: criteria/1, evidence/1 or results/1")
    kind = data.get("cchc")
    if kind is None:
        raise FileProblem("no cchc: tag (expected cchc: criteria/1, evidence/1 or results/1)")
    if kind not in KINDS:
        raise FileProblem(f"unknown cchc: tag {kind!r} (expected criteria/1, evidence/1 or results/1)")
    problems = {}
    for error in validators[kind].iter_errors(data):
        path_parts = list(error.absolute_path)
        message, unknown_key, known = describe(error)
        node = node_at(root, path_parts)
        if unknown_key is not None and key_node(node, unknown_key) is not None:
            node = key_node(node, unknown_key)
            path_parts.append(unknown_key)
        line = node.start_mark.line + 1
        text = f"{format_path(path_parts)}: {message} (line {line})"
        # An unknown rule parameter is refused twice (by the rule and by its
        # type): keep the report that knows the fewest keys, the type's.
        slot = (tuple(map(str, path_parts)), "unknown") if unknown_key is not None else (text,)
        if slot not in problems or known < problems[slot][2]:
            problems[slot] = (line, node.start_mark.column, known, text)
    return [text for _, _, _, text in sorted(problems.values())]


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print("usage: python3 tests/schemas/validate.py FILE...", file=sys.stderr)
        return 2
    validators = {}
    for kind, name in KINDS.items():
        try:
            schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"validate.py: cannot read the schema {SCHEMA_DIR / name}: {error}", file=sys.stderr)
            return 2
        jsonschema.Draft7Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft7Validator(schema)
    status = 0
    for path in argv[1:]:
        try:
            problems = validate(path, validators)
        except FileProblem as problem:
            print(f"{path}: {problem}")
            status = 2 if problem.usage else max(status, 1)
            continue
        if problems:
            for problem in problems:
                print(f"{path}: {problem}")
            status = max(status, 1)
        else:
            print(f"{path}: ok")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
