#!/usr/bin/env python3
"""Loads timelines with PyYAML, a YAML 1.1 loader, and checks they read as the file means them.

YAML 1.1 loaders (PyYAML, js-yaml) turn an unquoted `1917-10-25` into a timestamp, `1917` into an
integer, `yes`/`no`/`on`/`off` into booleans and `1:20` into a number. A timeline holds only text,
so every scalar -- every key and every value -- must come out a string, but for the one flag,
`key: true`, which every loader reads as the boolean it means; a date field that does not is
reported with its path. Exit 0 when every file passes, 1 when one does not, 3 when PyYAML is
missing (the caller decides whether that is a skip).

Usage: tests/clients/yaml11.py FILE...
"""
import sys

try:
    import yaml
except ImportError:
    print("PyYAML is not installed (pip install pyyaml)", file=sys.stderr)
    sys.exit(3)

DATE_KEYS = {"date", "end", "born", "died", "from", "to", "julian_until"}
# Fields that are booleans: `key: true` is read as true by YAML 1.1 and 1.2 alike.
FLAG_KEYS = {"key"}


def problems(node, path):
    """Yields (path, message) for every key or scalar that YAML 1.1 does not read as a string."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                yield path, f"key {key!r} reads as {type(key).__name__}, not a string"
                continue
            where = f"{path}.{key}"
            if key in DATE_KEYS and not isinstance(value, str):
                yield where, f"date {value!r} reads as {type(value).__name__}, not a string"
            elif key in FLAG_KEYS:
                if not isinstance(value, bool):
                    yield where, f"{value!r} reads as {type(value).__name__}, not true or false"
            else:
                yield from problems(value, where)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from problems(item, f"{path}[{i}]")
    elif not isinstance(node, str):
        yield path, f"{node!r} reads as {type(node).__name__}, not a string"


def main(files):
    failed = False
    for name in files:
        try:
            with open(name, encoding="utf-8") as f:
                doc = yaml.safe_load(f)
        except (yaml.YAMLError, ValueError) as e:
            failed = True
            print(f"{name}: does not load under YAML 1.1: {e}".replace("\n", " "))
            continue
        found = [(p, m) for p, m in problems(doc, "")]
        dates = sum(1 for _ in walk_dates(doc))
        if found:
            failed = True
            for p, m in found:
                print(f"{name}: {p}: {m}")
        else:
            print(f"{name}: ok under YAML 1.1 ({dates} dates, all strings)")
    return 1 if failed else 0


def walk_dates(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in DATE_KEYS:
                yield value
            else:
                yield from walk_dates(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk_dates(item)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
