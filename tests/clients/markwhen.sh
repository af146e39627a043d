#!/usr/bin/env bash
# The markwhen export read back by markwhen's own parser (@markwhen/parser from npm, which its
# editor and VS Code extension use): every event, with its id, title, tags, and exactly the days
# `--format json` gives it.
source "$(dirname "$0")/lib.sh"

command -v node >/dev/null || need_apt node nodejs || skip "markwhen: node cannot be installed here"
need_npm @markwhen/parser || skip "markwhen: npm cannot install @markwhen/parser here"
TIMELINE="$(timeline_bin)"
VERSION="$(node -p "require('$CLIENTS_CACHE/node_modules/@markwhen/parser/package.json').version")"
# The script imports the parser by name: it runs from where npm installed it.
cp "$CLIENTS_DIR/markwhen.mjs" "$CLIENTS_CACHE/timeline-markwhen-check.mjs"

# check NAME TIMELINE-ARGS...: export with those arguments and compare with their JSON.
check() {
    local name="$1"
    shift
    "$TIMELINE" "$@" export markwhen -o "$SCRATCH/$name.mw"
    "$TIMELINE" "$@" --format json >"$SCRATCH/$name.json"
    local verdict
    verdict="$(node "$CLIENTS_CACHE/timeline-markwhen-check.mjs" "$SCRATCH/$name.mw" "$SCRATCH/$name.json")" \
        || fail "markwhen $name: $verdict"
    pass "markwhen $name: $verdict in @markwhen/parser $VERSION"
}

check embedded
check fixture --file "$REPO/tests/fixtures/views-life.yaml"
check edges --file "$REPO/tests/fixtures/timelinejs-edges.yaml"
check markup --file "$REPO/tests/fixtures/markwhen-markup.yaml"
check media --file "$REPO/tests/fixtures/media.yaml"
