#!/usr/bin/env bash
# TimelineJS 3 (the real @knight-lab/timelinejs from npm) loads the export in headless Chromium:
# every event becomes a slide, every exported era is drawn and none over another, every slide shows
# its date in the export's one style, and no error is shown. With TIMELINE_SCREENSHOTS=DIR,
# 1280×720 screenshots of each page (its title, and its fifth slide) are kept there to look at.
source "$(dirname "$0")/lib.sh"

need_apt chromium chromium || skip "timelinejs: chromium cannot be installed here"
need_npm @knight-lab/timelinejs || skip "timelinejs: npm cannot install @knight-lab/timelinejs here"
TL_DIST="$CLIENTS_CACHE/node_modules/@knight-lab/timelinejs/dist"
TIMELINE="$(timeline_bin)"

# check NAME TIMELINE-ARGS...: export with those arguments, load the page, compare the counts.
check() {
    local name="$1"
    shift
    local page="$SCRATCH/$name.html" events
    events="$("$TIMELINE" "$@" --format json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).length))')"
    {
        echo '<!DOCTYPE html><html><head><meta charset="utf-8">'
        echo "<link rel=\"stylesheet\" href=\"file://$TL_DIST/css/timeline.css\">"
        echo "<script src=\"file://$TL_DIST/js/timeline.js\"></script></head><body style=\"margin: 0\">"
        echo '<div id="timeline-embed" style="width: 1280px; height: 720px"></div><pre id="result"></pre>'
        echo "<script>var SCRIPT_PATH = \"file://$TL_DIST/js/\";"
        echo "var EVENTS = $("$TIMELINE" "$@" --format json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m={};for(const e of JSON.parse(s))m[e.id]={start:e.start,end:e.end};console.log(JSON.stringify(m))})');"
        echo "var EXPORT = $("$TIMELINE" "$@" export timelinejs | sed 's#</#<\\/#g');</script>"
        echo "<script src=\"file://$CLIENTS_DIR/timelinejs.js\"></script></body></html>"
    } >"$page"
    local dom="$SCRATCH/$name.dom"
    chromium_headless "$name" --virtual-time-budget=30000 --window-size=1280,720 \
        --dump-dom "file://$page" >"$dom" 2>"$SCRATCH/$name.chromium.log" \
        || fail "timelinejs $name: chromium failed: $(tail -3 "$SCRATCH/$name.chromium.log")"
    if [ -n "${TIMELINE_SCREENSHOTS:-}" ]; then
        mkdir -p "$TIMELINE_SCREENSHOTS"
        chromium_headless "$name-shot" --virtual-time-budget=30000 \
            --window-size=1280,720 --hide-scrollbars \
            --screenshot="$TIMELINE_SCREENSHOTS/timelinejs-$name.png" "file://$page" \
            >/dev/null 2>&1 || echo "no screenshot of $name" >&2
        # And a slide with an Old Style date: the slide after the birth.
        sed 's#<script>var SCRIPT_PATH#<script>var START_AT_SLIDE = 4; var SCRIPT_PATH#' "$page" >"$page.slide.html"
        chromium_headless "$name-slide" --virtual-time-budget=30000 \
            --window-size=1280,720 --hide-scrollbars \
            --screenshot="$TIMELINE_SCREENSHOTS/timelinejs-$name-slide.png" "file://$page.slide.html" \
            >/dev/null 2>&1 || echo "no screenshot of a slide of $name" >&2
    fi
    local result
    result="$(sed -n 's#.*<pre id="result">\(.*\)</pre>.*#\1#p' "$dom" | sed 's/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g')"
    [ -n "$result" ] || fail "timelinejs $name: the page reported nothing"
    echo "$result" >"$SCRATCH/$name.result.json"
    [ -z "${TIMELINE_SCREENSHOTS:-}" ] || cp "$SCRATCH/$name.result.json" "$TIMELINE_SCREENSHOTS/timelinejs-$name.json"
    EVENTS="$events" RESULT="$result" LEGIBLE="${LEGIBLE:-0}" node -e '
        const r = JSON.parse(process.env.RESULT), events = Number(process.env.EVENTS);
        const problems = [];
        if (!r.loaded) problems.push("TimelineJS never finished loading");
        if (r.exported_events !== events) problems.push(`exported ${r.exported_events} events of ${events}`);
        if (r.slides !== events) problems.push(`${r.slides} slides for ${events} events`);
        // One slide element per event, and one for the title.
        if (r.slide_elements !== events + 1) problems.push(`${r.slide_elements} slide elements`);
        if (r.marker_elements !== events) problems.push(`${r.marker_elements} time markers`);
        if (r.eras !== r.exported_eras) problems.push(`${r.eras} eras of ${r.exported_eras}`);
        if (r.config_errors.length) problems.push("errors: " + r.config_errors.join("; "));
        if (r.overlapping_eras.length) problems.push("eras over each other: " + r.overlapping_eras.join("; "));
        if (r.other_date_styles.length) problems.push(`${r.other_date_styles.length} slides in another date style:\n  ` + r.other_date_styles.slice(0, 10).join("\n  "));
        if (r.dated_slides < events) problems.push(`${r.dated_slides} slides show a date, of ${events}`);
                if (r.misplaced.length) problems.push(`${r.misplaced.length} slides misplaced:\n  ` + r.misplaced.slice(0, 10).join("\n  "));
        // A reader must be able to read the slides: TimelineJS gives each group a row below them.
        if (r.story_share < 0.5) problems.push(`the slides get ${Math.round(100 * r.story_share)}% of the height`);
        // Legible at the default zoom: at most one marker in ten with its headline cut (the
        // whole life is loaded to count, not to read: LEGIBLE=1 asks for the measure).
        const cut = r.cut_headlines.length, share = cut / Math.max(1, r.marker_elements);
        if (process.env.LEGIBLE === "1" && share > 0.1) problems.push(`${cut} of ${r.marker_elements} markers show their headline cut:\n  ` + r.cut_headlines.slice(0, 12).join("\n  "));
        // Every slide that carries media shows it.
        const missing = r.exported_media.filter(id => !r.slides_with_media.includes(id));
        if (missing.length) problems.push(`media not shown on ${missing.length} slides: ${missing.join(", ")}`);
        if (r.page_errors.length) problems.push("page errors: " + r.page_errors.join("; "));
        if (r.message.trim()) problems.push("message shown: " + r.message);
        if (problems.length) { console.log(problems.join("\n")); process.exit(1); }
        console.log(`${r.slides} slides each dated in one style, ${r.eras} eras none over another, slides ${Math.round(100 * r.story_share)}% of the height, ${cut} of ${r.marker_elements} headlines cut` + (r.exported_media.length ? `, media shown on ${r.exported_media.length} slides` : ""));
    ' >"$SCRATCH/$name.verdict" || fail "timelinejs $name: $(cat "$SCRATCH/$name.verdict")"
    pass "timelinejs $name: $(cat "$SCRATCH/$name.verdict") in TimelineJS $(node -p "require('$CLIENTS_CACHE/node_modules/@knight-lab/timelinejs/package.json').version")"
}

check embedded
LEGIBLE=1 check key --key
check fixture --file "$REPO/tests/fixtures/views-life.yaml"
check edges --file "$REPO/tests/fixtures/timelinejs-edges.yaml"
check media --file "$REPO/tests/fixtures/media.yaml"
