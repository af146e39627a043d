#!/usr/bin/env bash
# Whole-process benchmarks of `timeline` beside DuckDB's CLI, jq and grep: time (hyperfine,
# medians) and peak memory (GNU time) on synthetic timelines of 1k to 1M events, and the embedded
# timeline against grep.
#
#   benches/run.sh              # everything; writes benches/results.md
#   SIZES="1000 100000" benches/run.sh
#
# Needs hyperfine, GNU time, python3, jq and DuckDB's CLI (Debian: apt-get install -y hyperfine
# time jq; pip install duckdb-cli). Data goes to $BENCH_DIR (default /tmp/timeline-bench); the
# parse cache is kept there too (XDG_CACHE_HOME), never in the user's own cache.
#
# Every command writes into a pipe (hyperfine --output=pipe): grep stops at its first match when
# its output is /dev/null, and a program writing to /dev/null can skip work a reader would pay.
# The commands of one question run in one hyperfine invocation, one after the other.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/timeline-bench}
SIZES=${SIZES:-"1000 10000 100000 1000000"}
OUT=${OUT:-benches/results.md}
mkdir -p "$BENCH_DIR"
export XDG_CACHE_HOME="$BENCH_DIR/cache"
unset TIMELINE_FILE TIMELINE_CACHE NO_COLOR CLICOLOR_FORCE || true

for tool in hyperfine /usr/bin/time python3 jq duckdb; do
    command -v "$tool" >/dev/null || { echo "benches/run.sh needs $tool" >&2; exit 1; }
done

# BIN and GEN may name other builds (to compare two commits); else this tree's release build.
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet --bin timeline --example generate
fi
BIN=${BIN:-$PWD/target/release/timeline}
# Timed as installed (`cargo install` and `cp` write the file): the linker writes its output
# through a memory map, which leaves the file in the page cache in 4 KiB pages, and every run of
# it takes a dozen more page faults (0.1 ms of the embedded lookup) than of the same bytes copied.
cp "$BIN" "$BENCH_DIR/timeline"
BIN=$BENCH_DIR/timeline
GEN=${GEN:-$PWD/target/release/examples/generate}

runs_for() { # fewer runs for the big files
    case $1 in 1000|10000) echo 20 ;; 100000) echo 10 ;; *) echo 5 ;; esac
}

# One hyperfine run over several commands (label=command pairs), each writing into a pipe; prints
# one table row per command: label, median ms, min ms, peak MB.
compare() {
    local runs=$1 prepare=$2; shift 2
    local labels=() commands=()
    for pair in "$@"; do labels+=("${pair%%=*}"); commands+=("${pair#*=}"); done
    hyperfine --ignore-failure --runs "$runs" --warmup 1 --prepare "$prepare" --output=pipe \
        --export-json "$BENCH_DIR/r.json" "${commands[@]}" >/dev/null 2>&1
    for i in "${!commands[@]}"; do
        eval "$prepare"
        local peak
        peak=$( { /usr/bin/time -f "%M" bash -c "${commands[$i]} | cat > /dev/null" ; } 2>&1 | tail -1)
        python3 - "$BENCH_DIR/r.json" "$i" "${labels[$i]}" "$peak" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]
print(f"{sys.argv[3]}\t{r['median']*1e3:.1f}\t{r['min']*1e3:.1f}\t{int(sys.argv[4])/1024:.0f}")
PY
    done
}

# A DuckDB database of the same events, from the rows `timeline` itself computes (the same
# first and last days), so DuckDB answers over the same keys without parsing dates.
duckdb_of() {
    local json=$1 db=$2
    [ -s "$db" ] && return
    "$BIN" --file "$json" --format ndjson > "$BENCH_DIR/rows.ndjson"
    rm -f "$db"
    duckdb "$db" -c "CREATE TABLE events AS SELECT row_number() OVER () AS ord, id, title,
        date, CAST(start AS DATE) AS start, CAST(\"end\" AS DATE) AS \"end\", place, people,
        people_ids, tags FROM read_json('$BENCH_DIR/rows.ndjson', format = 'newline_delimited',
        maximum_object_size = 1048576);" >/dev/null
    rm -f "$BENCH_DIR/rows.ndjson"
}

row() { # label median min peak -> a markdown row with the size and question
    while IFS=$'\t' read -r label median min peak; do
        echo "| $1 | $2 | $label | $median | $min | $peak |"
    done
}

{
echo "## Machine"
echo
echo "- $(nproc) vCPUs: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
echo "- memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "- $(uname -sr), $(rustc --version)"
echo "- $(hyperfine --version), DuckDB $(duckdb --version | cut -d' ' -f1), $(jq --version), $(grep --version | head -1)"
echo
echo "## Embedded timeline: \`timeline who Kamenev\` against \`grep -i kamenev timeline.yaml\`"
echo
echo "Both write into a pipe. Median and minimum of 200 runs; peak memory of one."
echo
echo "| command | median (ms) | min (ms) | peak (MB) |"
echo "|---|---:|---:|---:|"
compare 200 true "timeline who Kamenev=$BIN who Kamenev --format plain" \
    "grep -i kamenev timeline.yaml=grep -i kamenev timeline.yaml" |
    while IFS=$'\t' read -r label median min peak; do echo "| \`$label\` | $median | $min | $peak |"; done
echo
echo "## Synthetic timelines"
echo
echo "Questions: \`range\` is \`--from 1917 --to 1921\`, \`who\` is \`who P17\` (DuckDB:"
echo "the same rows and columns from its table; jq and grep: the nearest they can say). YAML first:"
echo "no cache entry (the run parses and writes one). Repeated: the entry exists. JSON is never"
echo "cached. Whole-process medians; peak resident memory of one run."
echo
echo "| events | question | program | median (ms) | min (ms) | peak (MB) |"
echo "|---:|---|---|---:|---:|---:|"
} > "$OUT"

for n in $SIZES; do
    yaml="$BENCH_DIR/$n.yaml" json="$BENCH_DIR/$n.json" db="$BENCH_DIR/$n.duckdb"
    [ -s "$yaml" ] || "$GEN" "$n" yaml > "$yaml"
    [ -s "$json" ] || "$GEN" "$n" json > "$json"
    duckdb_of "$json" "$db"
    runs=$(runs_for "$n")
    first_runs=$(( runs > 5 ? 5 : runs )); [ "$n" = 1000000 ] && first_runs=2
    rm -rf "$XDG_CACHE_HOME/timeline"
    compare "$first_runs" "rm -rf $XDG_CACHE_HOME/timeline" \
        "timeline yaml=$BIN --file $yaml --from 1917 --to 1921 --format plain" | row "$n" "range, YAML first" >> "$OUT"
    compare "$first_runs" true \
        "timeline json=$BIN --file $json --from 1917 --to 1921 --format plain" | row "$n" "range, JSON first" >> "$OUT"
    "$BIN" --file "$yaml" --from 1917 --to 1921 > /dev/null   # leaves the cache entry
    sql_cols="start, date, title, coalesce(place, ''), array_to_string(people, ', '), array_to_string(tags, ','), id"
    compare "$runs" true \
        "timeline=$BIN --file $yaml --from 1917 --to 1921 --format plain" \
        "duckdb=duckdb -readonly -noheader -list -separator '	' $db -c \"SELECT $sql_cols FROM events WHERE \\\"end\\\" >= DATE '1917-01-01' AND start <= DATE '1921-12-31' ORDER BY ord\"" \
        "jq (JSON)=jq -r '.events[] | select(.date >= \"1917\" and .date < \"1922\") | [.date, .title, .id] | @tsv' $json" \
        "grep (YAML)=grep -E '^  date: \"?19(1[7-9]|2[01])' $yaml" | row "$n" "range, repeated" >> "$OUT"
    compare "$runs" true \
        "timeline=$BIN --file $yaml who P17 --format plain" \
        "duckdb=duckdb -readonly -noheader -list -separator '	' $db -c \"SELECT $sql_cols FROM events WHERE list_contains(people_ids, 'p17') ORDER BY ord\"" \
        "jq (JSON)=jq -r '.events[] | select(any(.people[]; . == \"p17\")) | [.date, .title, .id] | @tsv' $json" \
        "grep (YAML)=grep -w p17 $yaml" | row "$n" "who, repeated" >> "$OUT"
done

# Hostile input: how long a refusal takes and how much memory it needs (measured, not tested:
# timed tests are flaky). The big ones are made here, as tests/integration/hostile.rs makes them.
python3 - "$BENCH_DIR" <<'PY'
import os, sys
d = sys.argv[1]
depth = 100_000
files = {
    "deep-flow-100k.yaml": "title: t\nevents: " + "[" * depth + "]" * depth + "\n",
    "deep-map-100k.yaml": "title: t\nevents: " + "{a: " * depth + "}" * depth + "\n",
    "deep-json-100k.json": '{"title": "t", "events": ' + "[" * depth + "]" * depth + "}",
    "deep-block-2000.yaml": "title: t\nevents:\n" + "".join("  " * (i + 1) + "- \n" for i in range(2000)),
}
for name, text in files.items():
    open(os.path.join(d, "hostile-" + name), "w").write(text)
with open(os.path.join(d, "hostile-random-1mb.yaml"), "wb") as f:
    f.write(os.urandom(1 << 20))
with open(os.path.join(d, "hostile-random-yamlish-1mb.yaml"), "wb") as f:
    alphabet = b"  \n\t-:[]{}&*!|>'\"%@`#,?abc19X~/.O.S\\"
    f.write(bytes(alphabet[b % len(alphabet)] for b in os.urandom(1 << 20)))
with open(os.path.join(d, "hostile-over-limit.yaml"), "wb") as f:
    f.truncate(512 * 1024 * 1024 + 1)
PY
if [ -z "${SKIP_HOSTILE:-}" ]; then  # SKIP_HOSTILE=1: only the timings above
{
echo
echo "## Hostile input: time and peak memory of a refusal (exit 2)"
echo
echo "| input | size | time (s) | peak memory (MB) | exit |"
echo "|---|---:|---:|---:|---:|"
} >> "$OUT"
for file in tests/fixtures/hostile-* "$BENCH_DIR"/hostile-*; do
    /usr/bin/time -v -o "$BENCH_DIR/time.txt" "$BIN" --file "$file" >/dev/null 2>&1 || true
    stats=$(cat "$BENCH_DIR/time.txt")
    elapsed=$(echo "$stats" | awk -F': ' '/Elapsed \(wall clock\)/ {print $2}')
    memory=$(echo "$stats" | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}')
    status=$(echo "$stats" | awk -F': ' '/Exit status/ {print $2}')
    size=$(du -h --apparent-size "$file" | cut -f1)
    echo "| $(basename "$file") | $size | $elapsed | $memory | $status |" >> "$OUT"
done
fi
rm -f "$BENCH_DIR"/hostile-over-limit.yaml
cat "$OUT"
