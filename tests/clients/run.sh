#!/usr/bin/env bash
# Runs every client check (each *.sh here but lib.sh and this one): the programs that read our
# output, installed where they can be (apt-get, npm, pip), skipped with a note where they cannot.
# Ends with one line `clients: N passed, N failed, N skipped`; exits 1 if any check failed.
set -uo pipefail
cd "$(dirname "$0")"
passed=0 failed=0 skipped=0
for check in *.sh; do
    case "$check" in lib.sh | run.sh) continue ;; esac
    started=$SECONDS
    output="$(bash "$check" 2>"/tmp/timeline-client-$$.err")"
    status=$?
    [ -n "$output" ] && echo "$output"
    passed=$((passed + $(grep -c '^PASS' <<<"$output")))
    skipped=$((skipped + $(grep -c '^SKIP' <<<"$output")))
    if [ "$status" != 0 ]; then
        failed=$((failed + 1))
        grep -q '^FAIL' <<<"$output" || echo "FAIL $check exited $status: $(tail -5 "/tmp/timeline-client-$$.err")"
    fi
    echo "     ($check took $((SECONDS - started)) s)"
done
rm -f "/tmp/timeline-client-$$.err"
echo "clients: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
