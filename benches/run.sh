#!/usr/bin/env bash
# Whole-process benchmarks of `timeline`: time (hyperfine) and peak memory (GNU time) on
# synthetic timelines of 1k to 1M events, and the embedded timeline against grep.
#
#   benches/run.sh              # everything; writes benches/results.md
#   SIZES="1000 10000" benches/run.sh
#
# Needs hyperfine and GNU time (Debian: apt-get install -y hyperfine time) and python3.
# Data goes to $BENCH_DIR (default /tmp/timeline-bench); the parse cache is kept there too
# (XDG_CACHE_HOME), never in the user's own cache.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/timeline-bench}
SIZES=${SIZES:-"1000 10000 100000 1000000"}
OUT=${OUT:-benches/results.md}
mkdir -p "$BENCH_DIR"
export XDG_CACHE_HOME="$BENCH_DIR/cache"
unset TIMELINE_FILE TIMELINE_CACHE NO_COLOR CLICOLOR_FORCE || true

for tool in hyperfine /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "benches/run.sh needs $tool" >&2; exit 1; }
done

cargo build --release --quiet --bin timeline --example generate
BIN=$PWD/target/release/timeline
GEN=$PWD/target/release/examples/generate

runs_for() { # fewer runs for the big files
    case $1 in 1000|10000) echo 10 ;; 100000) echo 5 ;; *) echo 3 ;; esac
}

# mean and standard deviation in seconds from hyperfine's JSON export
mean() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; m, s = r["mean"], r["stddev"] or 0; print(f"{m*1e3:.1f} ± {s*1e3:.1f}")' "$1"; }
# peak resident memory in MB of one run
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }

{
echo "## Machine"
echo
echo "- $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "- memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "- $(uname -sr), $(rustc --version)"
echo "- $(hyperfine --version)"
echo
echo "## Embedded timeline: \`timeline who Kamenev\` against \`grep -i kamenev timeline.yaml\`"
echo
hyperfine -N --warmup 20 --runs 200 --export-json "$BENCH_DIR/kamenev.json" \
    "$BIN who Kamenev" "grep -i kamenev timeline.yaml" >/dev/null 2>&1
python3 - "$BENCH_DIR/kamenev.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("| command | mean (ms) | σ (ms) | min (ms) |")
print("|---|---:|---:|---:|")
for x in r:
    print(f"| `{x['command'].split('/')[-1]}` | {x['mean']*1e3:.2f} | {x['stddev']*1e3:.2f} | {x['min']*1e3:.2f} |")
print()
print(f"Ratio timeline / grep: {r[0]['mean']/r[1]['mean']:.2f}×")
PY
echo
echo "## Synthetic timelines: load + \`--from 1917 --to 1921 who Person17\`"
echo
echo "YAML first: no cache entry (the run parses and writes one). YAML repeated: the entry exists."
echo "JSON is never cached, nor is a file under 1 MiB. Times are whole-process means ± σ; memory is
peak RSS of one run."
echo
echo "| events | format | file (MB) | run | time (ms) | peak memory (MB) | µs per event |"
echo "|---:|---|---:|---|---:|---:|---:|"
} > "$OUT"

for n in $SIZES; do
    for format in yaml json; do
        file="$BENCH_DIR/$n.$format"
        [ -s "$file" ] || "$GEN" "$n" "$format" > "$file"
        size=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1])/1e6:.1f}')" "$file")
        query=("$BIN" --file "$file" --from 1917 --to 1921 who Person17)
        runs=$(runs_for "$n")
        if [ "$format" = yaml ]; then
            labels=("first" "repeated")
            prepares=("rm -rf $XDG_CACHE_HOME/timeline" "true")
        else
            labels=("first")
            prepares=("true")
        fi
        for i in "${!labels[@]}"; do
            "${query[@]}" >/dev/null   # leaves a cache entry for `repeated`
            hyperfine -N --runs "$runs" --warmup 0 --prepare "${prepares[$i]}" \
                --export-json "$BENCH_DIR/r.json" --output null "${query[*]}" >/dev/null 2>&1
            eval "${prepares[$i]}"
            memory=$(peak "${query[@]}")
            time=$(mean "$BENCH_DIR/r.json")
            per=$(python3 -c "print(f'{float(\"${time%% *}\")*1e3/$n:.2f}')")
            echo "| $n | $format | $size | ${labels[$i]} | $time | $memory | $per |" >> "$OUT"
        done
    done
done

# Hostile input: how long a refusal takes and how much memory it needs (measured, not tested:
# timed tests are flaky). The big ones are made here, as tests/hostile.rs makes them.
{
echo
echo "## Hostile input: time and peak memory of a refusal (exit 2)"
echo
echo "| input | size | time (s) | peak memory (MB) | exit |"
echo "|---|---:|---:|---:|---:|"
} >> "$OUT"
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
for file in tests/fixtures/hostile-* "$BENCH_DIR"/hostile-*; do
    /usr/bin/time -v -o "$BENCH_DIR/time.txt" "$BIN" --file "$file" >/dev/null 2>&1 || true
    stats=$(cat "$BENCH_DIR/time.txt")
    elapsed=$(echo "$stats" | awk -F': ' '/Elapsed \(wall clock\)/ {print $2}')
    memory=$(echo "$stats" | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}')
    status=$(echo "$stats" | awk -F': ' '/Exit status/ {print $2}')
    size=$(du -h --apparent-size "$file" | cut -f1)
    echo "| $(basename "$file") | $size | $elapsed | $memory | $status |" >> "$OUT"
done
rm -f "$BENCH_DIR"/hostile-over-limit.yaml
cat "$OUT"
