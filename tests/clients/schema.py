"""The JSON Schema in Python's jsonschema, over YAML as PyYAML (a YAML 1.1 loader) reads it.

Usage: schema.py quote SRC DST      copy SRC to DST with every unquoted date quoted; print how many
       schema.py check SCHEMA FILE  exit 0 if FILE is valid, 1 with the errors if not, 3 if not YAML
"""
import datetime
import json
import re
import sys

import jsonschema
import yaml

DATE_KEYS = "date|end|from|to|born|died|julian_until"
# An unquoted date value, in block (`date: 1917-10-25 O.S.`) or flow (`{date: 1917-10, ...}`) style.
UNQUOTED = re.compile(r"(\b(?:%s): )([0-9][0-9X]{3}-[^,}#\n]*?)(\s*(?:[,}#\n]|$))" % DATE_KEYS)


def quote(source, target):
    with open(source, encoding="utf-8") as f:
        text = f.read()
    quoted, count = UNQUOTED.subn(lambda m: '%s"%s"%s' % (m.group(1), m.group(2).strip(), m.group(3)), text)
    with open(target, "w", encoding="utf-8") as f:
        f.write(quoted)
    print(count)


def timestamps(value, path="$"):
    """Where PyYAML turned a date into a timestamp instead of the text that was written."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from timestamps(item, "%s.%s" % (path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from timestamps(item, "%s[%d]" % (path, i))


def check(schema_file, data_file):
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        with open(data_file, encoding="utf-8") as f:
            document = yaml.safe_load(f)
    except yaml.YAMLError as error:
        print("not YAML: %s" % error)
        sys.exit(3)
    validator = jsonschema.Draft7Validator(schema)
    errors = ["%s: %s" % ("/".join(map(str, e.absolute_path)), e.message[:120])
              for e in validator.iter_errors(document)]
    errors += ["%s: read as a timestamp, not the date as written" % p for p in timestamps(document)]
    if errors:
        print("%d errors: %s" % (len(errors), "; ".join(errors[:5])))
        sys.exit(1)


if __name__ == "__main__":
    {"quote": quote, "check": check}[sys.argv[1]](*sys.argv[2:])
