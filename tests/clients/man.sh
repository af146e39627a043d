#!/usr/bin/env bash
# The man page as man(1) and mandoc(1) read it: lint-clean, every subcommand and option on the
# one page, no reference to a page that does not exist, and no line wider than 80 columns.
source "$(dirname "$0")/lib.sh"

need_apt mandoc mandoc || skip "man: mandoc cannot be installed here"
TIMELINE="$(timeline_bin)"
"$TIMELINE" man >"$SCRATCH/timeline.1"

lint="$(mandoc -T lint -W warning "$SCRATCH/timeline.1" 2>&1 || true)"
[ -z "$lint" ] || fail "man: mandoc -T lint -W warning: $lint"

if command -v man >/dev/null; then
    MANWIDTH=80 MAN_KEEP_FORMATTING=0 man -l "$SCRATCH/timeline.1" 2>"$SCRATCH/man.err" | sed 's/.\x08//g' >"$SCRATCH/page.txt"
    reader="man -l"
else
    mandoc -T ascii -O width=80 "$SCRATCH/timeline.1" | sed 's/.\x08//g' >"$SCRATCH/page.txt"
    reader="mandoc -T ascii"
fi
[ -s "$SCRATCH/page.txt" ] || fail "man: $reader printed nothing: $(cat "$SCRATCH/man.err" 2>/dev/null)"
wide="$(awk 'length($0) > 80' "$SCRATCH/page.txt")"
[ -z "$wide" ] || fail "man: lines over 80 columns in $reader: $wide"

for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS EXAMPLES "EXIT STATUS" ENVIRONMENT; do
    grep -q "^$section\$" "$SCRATCH/page.txt" || fail "man: no $section section"
done
# Every subcommand (from the help's command list) has its subsection.
commands="$("$TIMELINE" --help | awk '/^Commands:/ {on = 1; next} on && /^[^ ]/ {on = 0} on && /^  [a-z]/ {print $1}' | grep -vx help)"
[ -n "$commands" ] || fail "man: could not read the command list from --help"
for command in $commands; do
    grep -q "^   timeline $command\b" "$SCRATCH/page.txt" || fail "man: no subsection for timeline $command"
    # And every option its --help lists.
    for option in $("$TIMELINE" "$command" --help | grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z-]+' | grep -oE -- '--[a-z-]+' | grep -vx -- '--help'); do
        grep -q -- "$option" "$SCRATCH/page.txt" || fail "man: timeline $command $option is not on the page"
    done
done
if grep -nE 'timeline-[a-z]+\(1\)' "$SCRATCH/page.txt"; then
    fail "man: refers to subcommand pages that no one can open"
fi
pass "man: mandoc lint clean, $(echo $commands | wc -w) commands with all their options, $(wc -l <"$SCRATCH/page.txt") lines at 80 columns via $reader"
