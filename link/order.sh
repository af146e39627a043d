#!/usr/bin/env bash
# Writes link/startup-order.txt: the functions a few common runs over the embedded timeline
# execute, in the order they first run, for the linker to lay out first and together (build.rs
# passes the file to lld). A lookup touches code scattered over 4 MB of .text, and each page
# fault maps only its neighbourhood; with the code of a run side by side, `who NAME` takes 30
# fewer page faults (185 to 155), a tenth of its time. Names that no longer exist are skipped
# by the linker, so a stale file costs only the gain; re-run this after large changes.
#
# Needs valgrind. Usage: bash link/order.sh (from the repository root).
set -euo pipefail
cargo build --release --quiet --bin timeline
bin=target/release/timeline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=(
    "who Kamenev --format plain"
    "who Kamenev --format table"
    "where Petrograd --format plain"
    "--from 1917 --to 1921 --format plain"
    "--from 1917 --to 1921 --format json"
    "show birth --format plain"
    "stats --format plain"
)
i=0
for run in "${runs[@]}"; do
    # shellcheck disable=SC2086 # the words of a run are its arguments
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$i.out" \
        "$bin" $run >/dev/null 2>&1
    i=$((i + 1))
done
nm --defined-only "$bin" | awk '$2 ~ /^[tTW]$/ { print $3 }' > "$work/defined"
# callgrind names a function once, as `fn=(N) NAME` (ran) or `cfn=(N) NAME` (was called), then
# by number only: every function named, in the order of the runs, kept when the binary defines it.
for ((j = 0; j < i; j++)); do
    sed -n 's/^c\{0,1\}fn=([0-9]*) //p' "$work/$j.out"
done | awk 'NR == FNR { defined[$0] = 1; next } defined[$0] && !seen[$0]++' "$work/defined" - \
    > link/startup-order.txt
wc -l link/startup-order.txt
