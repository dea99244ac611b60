#!/usr/bin/env python3
"""Offline checks for the Telestation Helm chart, for machines without `helm`.

Helm is not packaged in Debian, so this does what can be done without it:
  1. every `.Values.x.y` (and `$var.x` where `$var := .Values.x`) used by a template exists in values.yaml;
  2. every template is valid YAML once its `{{ }}` actions are stripped: control lines are dropped, actions that emit
     a block (`toYaml`/`include` piped to `nindent`) become one placeholder key at that indentation, inline actions
     become a placeholder scalar; the result is parsed and run through yamllint;
  3. values.yaml and values-example.yaml lint clean, and values-example.yaml only uses keys values.yaml declares.
This does not evaluate the templates: read them too, and run `helm lint` / `helm template` where helm exists.
Usage: deploy/helm/check-chart.py [chart-dir]   (exit status 1 on any problem)
"""
import pathlib
import re
import subprocess
import sys

import yaml

CHART = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "telestation")
LINT_CONFIG = "{extends: default, rules: {line-length: {max: 140}, document-start: disable, empty-lines: disable}}"
ACTION = re.compile(r"{{-?\s*(.*?)\s*-?}}")
BLOCK_ACTION = re.compile(r"^(\s*){{-?\s*(toYaml|include)\b.*\|\s*nindent\s+(\d+)\s*-?}}\s*$")
CONTROL_ONLY = re.compile(r"^\s*({{-?.*?-?}}\s*)+$")
problems = []


def values_paths(node, prefix=()):
    """All key paths of a values tree; a leaf or a free-form map ends a path."""
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from values_paths(child, prefix + (str(key),))


def check_value_references(templates, declared):
    aliases = {}
    for path in templates:
        text = path.read_text()
        for var, target in re.findall(r"(\$\w+)\s*:=\s*\.Values((?:\.\w+)+)", text):
            aliases[var] = tuple(target.strip(".").split("."))
        refs = [tuple(r.strip(".").split(".")) for r in re.findall(r"\.Values((?:\.\w+)+)", text)]
        for var, rest in re.findall(r"(\$\w+)((?:\.\w+)+)", text):
            if var in aliases:
                refs.append(aliases[var] + tuple(rest.strip(".").split(".")))
        for ref in refs:
            if not is_declared(ref, declared):
                problems.append(f"{path.name}: .Values.{'.'.join(ref)} is not declared in values.yaml")


def is_declared(path, declared):
    """Declared in values.yaml, or inside a map that values.yaml leaves empty on purpose (e.g. secrets.values)."""
    if path in declared:
        return True
    return any(path[:n] in declared and lookup(VALUES, path[:n]) == {} for n in range(1, len(path)))


def lookup(tree, path):
    for key in path:
        tree = tree[key]
    return tree


def strip_template(text):
    out, counter = [], 0
    for line in text.splitlines():
        block = BLOCK_ACTION.match(line)
        if block:
            counter += 1
            indent = int(block.group(3))
            # In a list (the previous line at this indentation is an item), the block renders list items.
            siblings = [o for o in out if o.strip() and len(o) - len(o.lstrip()) <= indent]
            in_list = bool(siblings) and siblings[-1].startswith(" " * indent + "- ")
            out.append(" " * indent + ("- " if in_list else "") + f"rendered-block-{counter}: placeholder")
        elif CONTROL_ONLY.match(line):
            continue
        else:
            out.append(ACTION.sub("PLACEHOLDER", line))
    return "\n".join(out) + "\n"


def yamllint(name, text):
    result = subprocess.run(["yamllint", "-d", LINT_CONFIG, "-"], input=text, text=True, capture_output=True)
    if result.returncode != 0:
        problems.append(f"{name}: yamllint\n{result.stdout}{result.stderr}")


VALUES = yaml.safe_load((CHART / "values.yaml").read_text())
declared = set(values_paths(VALUES))
templates = sorted((CHART / "templates").glob("*.yaml")) + [CHART / "templates" / "_helpers.tpl",
                                                           CHART / "templates" / "NOTES.txt"]
check_value_references(templates, declared)

for path in sorted((CHART / "templates").glob("*.yaml")):
    stripped = strip_template(path.read_text())
    try:
        docs = [d for d in yaml.safe_load_all(stripped) if d is not None]
    except yaml.YAMLError as error:
        problems.append(f"{path.name}: not YAML after stripping actions: {error}")
        continue
    for doc in docs:
        for key in ("apiVersion", "kind", "metadata"):
            if key not in doc:
                problems.append(f"{path.name}: a document has no {key}")
    yamllint(path.name, stripped)
    print(f"{path.name}: {len(docs)} document(s): " + ", ".join(d.get("kind", "?") for d in docs))

for name in ("values.yaml", "values-example.yaml", "Chart.yaml"):
    yamllint(name, (CHART / name).read_text())
example = yaml.safe_load((CHART / "values-example.yaml").read_text())
for path in values_paths(example):
    if not is_declared(path, declared):
        problems.append(f"values-example.yaml: {'.'.join(path)} is not declared in values.yaml")

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print("chart checks passed")
