#!/usr/bin/env bash
# `timeline chart --format svg` in headless Chromium: every text of the page is measured as the
# browser lays it out (tests/clients/svg.js), and the check fails if any two texts overlap, any
# leaves the A4 viewBox, a leader line crosses a text, or a text is under 9 pt; and printed to
# PDF on A4 landscape it must be one page. With TIMELINE_SCREENSHOTS=DIR, screenshots of each
# page are kept there (A4 landscape at 96 dpi).
source "$(dirname "$0")/lib.sh"

need_apt chromium chromium || skip "svg: chromium cannot be installed here"
need_apt node nodejs || skip "svg: node cannot be installed here"
TIMELINE="$(timeline_bin)"

# A crowded life: the embedded one with two dozen key events, most of them within a few years.
CROWDED="$SCRATCH/crowded.yaml"
KEYS="birth arrest-1898 siberian-exile menshevik-side soviet-chairman soviet-trial escape-berezov
zimmerwald-conference return-russia-1917 october-uprising brest-litovsk-treaty red-army-founded
lenin-strokes declaration-of-46 lessons-of-october expelled-from-party exile-alma-ata
expelled-to-turkey first-moscow-trial arrival-in-mexico may-1940-raid death"
pattern="$(echo $KEYS | sed 's/ /\\|/g')"
# (The curated key events are taken out first: these are the test's own.)
grep -v '^  key: true$' "$REPO/timeline.yaml" \
    | sed "s/^\(- id: \($pattern\)\)\$/\1\n  key: true/" >"$CROWDED"

# check NAME TIMELINE-ARGS...: draw the SVG with those arguments, load it, judge the boxes.
check() {
    local name="$1"
    shift
    local page="$SCRATCH/$name.html" dom="$SCRATCH/$name.dom"
    "$TIMELINE" chart --format svg "$@" >"$SCRATCH/$name.svg" || fail "svg $name: timeline failed"
    {
        echo '<!DOCTYPE html><html><head><meta charset="utf-8">'
        echo '<style>body { margin: 0 } svg { display: block; width: 1123px; height: 794px }</style>'
        echo '</head><body>'
        sed '1{/^<?xml/d}' "$SCRATCH/$name.svg"
        echo '<pre id="result"></pre>'
        echo "<script src=\"file://$CLIENTS_DIR/svg.js\"></script></body></html>"
    } >"$page"
    chromium_headless "$name" --virtual-time-budget=5000 --window-size=1123,900 \
        --dump-dom "file://$page" >"$dom" 2>"$SCRATCH/$name.chromium.log" \
        || fail "svg $name: chromium failed: $(tail -3 "$SCRATCH/$name.chromium.log")"
    if [ -n "${TIMELINE_SCREENSHOTS:-}" ]; then
        mkdir -p "$TIMELINE_SCREENSHOTS"
        chromium_headless "$name-shot" --hide-scrollbars --window-size=1123,794 \
            --screenshot="$TIMELINE_SCREENSHOTS/svg-$name.png" "file://$SCRATCH/$name.svg" \
            >/dev/null 2>&1 || echo "no screenshot of $name" >&2
    fi
    local result
    result="$(sed -n 's#.*<pre id="result">\(.*\)</pre>.*#\1#p' "$dom" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g')"
    [ -n "$result" ] || fail "svg $name: the page reported nothing"
    RESULT="$result" node -e '
        const r = JSON.parse(process.env.RESULT), problems = [];
        const list = (what, items) => items.length && problems.push(`${items.length} ${what}:\n  ` + items.slice(0, 10).join("\n  "));
        list("texts over each other", r.overlaps);
        list("texts off the page", r.outside);
        list("leader lines across a text", r.crossed);
        list("texts under 9 pt", r.small);
        if (r.texts < 10) problems.push(`only ${r.texts} texts`);
        if (problems.length) { console.log(problems.join("\n")); process.exit(1); }
        console.log(`${r.texts} texts (${r.key_labels} key-event labels) none over another, on the page, 9 pt or more, in ${r.font.split(",")[0]}`);
    ' >"$SCRATCH/$name.verdict" || fail "svg $name: $(cat "$SCRATCH/$name.verdict")"
    pass "svg $name: $(cat "$SCRATCH/$name.verdict")"
}

# printed NAME: the page of `check NAME` printed by Chromium to PDF on A4 landscape paper with
# no margins must be one page: the viewBox fits the sheet, nothing spills onto a second.
printed() {
    local name="$1" page="$SCRATCH/$1.print.html" pdf="$SCRATCH/$1.pdf"
    {
        echo '<!DOCTYPE html><html><head><meta charset="utf-8">'
        echo '<style>@page { size: A4 landscape; margin: 0 } body { margin: 0 }'
        echo 'svg { display: block; width: 297mm; height: 210mm }</style></head><body>'
        sed '1{/^<?xml/d}' "$SCRATCH/$name.svg"
        echo '</body></html>'
    } >"$page"
    chromium_headless "$name-print" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" \
        >/dev/null 2>&1 || fail "svg $name: chromium did not print"
    PDF="$pdf" node -e '
        const text = require("fs").readFileSync(process.env.PDF, "latin1");
        const pages = (text.match(/\/Type\s*\/Page(?!s)/g) || []).length;
        const box = (text.match(/\/MediaBox\s*\[([^\]]*)\]/) || [, ""])[1].trim().split(/\s+/).map(Number);
        const a4 = box.length === 4 && Math.abs(box[2] - 842) < 1 && Math.abs(box[3] - 595) < 1;
        if (pages !== 1 || !a4) { console.log(`${pages} pages of ${box.join(" ")}`); process.exit(1); }
        console.log("one A4 landscape page");
    ' >"$SCRATCH/$name.print" || fail "svg $name printed: $(cat "$SCRATCH/$name.print")"
    pass "svg $name printed: $(cat "$SCRATCH/$name.print")"
}

check life
check civil-war --in civil-war
check crowded --file "$CROWDED"
check crowded-civil-war --file "$CROWDED" --in civil-war
check key-events --file "$REPO/tests/fixtures/key-events.yaml"
check few-events --with Lenin --in 1918
printed life
printed crowded
check fixture --file "$REPO/tests/fixtures/views-life.yaml"
