#!/usr/bin/env bash
# The iCalendar export in two real calendar programs, calcurse and khal: every event is imported,
# each shows on exactly the days it spans (none more than a year: a longer span is its first and
# last day), and with --anniversaries each recurs for one day a year.
source "$(dirname "$0")/lib.sh"

TIMELINE="$(timeline_bin)"
"$TIMELINE" export ics -o "$SCRATCH/life.ics" 2>/dev/null
"$TIMELINE" export ics --anniversaries -o "$SCRATCH/yearly.ics" 2>/dev/null
EVENTS="$(grep -c '^BEGIN:VEVENT' "$SCRATCH/life.ics")"
# A span over a year is two VEVENTs in life.ics and one anniversary in yearly.ics.
YEARLY="$(grep -c '^BEGIN:VEVENT' "$SCRATCH/yearly.ics")"
# The days the events cover, counted from DTSTART and the exclusive DTEND of the file itself.
DAYS="$(tr -d '\r' <"$SCRATCH/life.ics" | awk -F: '
    /^DTSTART;VALUE=DATE:/ { start = $2 }
    /^DTEND;VALUE=DATE:/ {
        cmd = "echo $(( ($(date -ud " $2 " +%s) - $(date -ud " start " +%s)) / 86400 ))"
        cmd | getline days; close(cmd); total += days
        if (days > 366) long += 1
    }
    END { if (long) print "long"; else print total }')"
[ "$DAYS" != long ] || fail "ics: an event of life.ics lasts more than a year"
# 2036: a leap year after every event, so each anniversary (29 February too) falls once, and
# before 2037, where khal stops expanding recurrences.
YEAR=2036

check_calcurse() {
    need_apt calcurse calcurse || { echo "SKIP ics calcurse: calcurse cannot be installed here"; return; }
    local dir="$SCRATCH/calcurse-life" report
    report="$(calcurse -D "$dir" -i "$SCRATCH/life.ics" 2>&1 | tail -1)"
    [ "$report" = "0 apps / $EVENTS events / 0 todos / 0 skipped" ] \
        || fail "ics calcurse: import of $EVENTS events said: $report"
    local shown
    shown="$(calcurse -D "$dir" -Q --from 01/01/1870 --days 60000 | grep -c '^ \* ' || true)"
    [ "$shown" = "$DAYS" ] || fail "ics calcurse: $shown event-days shown, the file spans $DAYS"
    dir="$SCRATCH/calcurse-yearly"
    report="$(calcurse -D "$dir" -i "$SCRATCH/yearly.ics" 2>&1 | tail -1)"
    [ "$report" = "0 apps / $YEARLY events / 0 todos / 0 skipped" ] \
        || fail "ics calcurse: import of $YEARLY anniversaries said: $report"
    shown="$(calcurse -D "$dir" -Q --from 01/01/$YEAR --days 366 | grep -c '^ \* ' || true)"
    [ "$shown" = "$YEARLY" ] || fail "ics calcurse: $shown anniversaries in $YEAR, expected $YEARLY"
    pass "ics calcurse $(calcurse --version | head -1 | awk '{print $2}'): $EVENTS events over $DAYS days, $YEARLY one-day anniversaries in $YEAR"
}

check_khal() {
    need_apt khal khal || { echo "SKIP ics khal: khal cannot be installed here"; return; }
    local name
    for name in life yearly; do
        local home="$SCRATCH/khal-$name"
        mkdir -p "$home/calendar"
        cat >"$home/config" <<CONFIG
[calendars]
[[timeline]]
path = $home/calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = timeline
CONFIG
        XDG_DATA_HOME="$home" XDG_CACHE_HOME="$home" khal -c "$home/config" import --batch \
            -a timeline "$SCRATCH/$name.ics" >"$home/import.log" 2>&1 \
            || fail "ics khal: import of $name.ics failed: $(tail -3 "$home/import.log")"
        local files expected="$EVENTS"
        [ "$name" = life ] || expected="$YEARLY"
        files="$(find "$home/calendar" -name '*.ics' | wc -l)"
        [ "$files" = "$expected" ] || fail "ics khal: $files of $expected events imported from $name.ics"
    done
    local list shown
    list() {
        local home="$SCRATCH/khal-$1"
        XDG_DATA_HOME="$home" XDG_CACHE_HOME="$home" khal -c "$home/config" list \
            --format "{start-date} {title}" --day-format "" "$2" "$3" | grep -vc '^$' || true
    }
    shown="$(list life 1870-01-01 60000d)"
    [ "$shown" = "$DAYS" ] || fail "ics khal: $shown event-days listed, the file spans $DAYS"
    shown="$(list yearly $YEAR-01-01 366d)"
    [ "$shown" = "$YEARLY" ] || fail "ics khal: $shown anniversaries in $YEAR, expected $YEARLY"
    pass "ics khal $(khal --version | awk '{print $3}'): $EVENTS events over $DAYS days, $YEARLY one-day anniversaries in $YEAR"
}

# Links and media (tests/fixtures/media.yaml): both programs import every event, and khal reads
# each link back from the event it belongs to.
check_links() {
    local file="$SCRATCH/media.ics" events
    "$TIMELINE" --file "$REPO/tests/fixtures/media.yaml" export ics -o "$file" 2>/dev/null
    events="$(grep -c '^BEGIN:VEVENT' "$file")"
    if need_apt calcurse calcurse; then
        local report
        report="$(calcurse -D "$SCRATCH/calcurse-media" -i "$file" 2>&1 | tail -1)"
        [ "$report" = "0 apps / $events events / 0 todos / 0 skipped" ] \
            || fail "ics calcurse: import of the media fixture said: $report"
    fi
    need_apt khal khal || { echo "SKIP ics links: khal cannot be installed here"; return; }
    local home="$SCRATCH/khal-media" urls
    mkdir -p "$home/calendar"
    sed "s#$SCRATCH/khal-life#$home#" "$SCRATCH/khal-life/config" >"$home/config"
    XDG_DATA_HOME="$home" XDG_CACHE_HOME="$home" khal -c "$home/config" import --batch \
        -a timeline "$file" >"$home/import.log" 2>&1 \
        || fail "ics khal: import of the media fixture failed: $(tail -3 "$home/import.log")"
    urls="$(XDG_DATA_HOME="$home" XDG_CACHE_HOME="$home" khal -c "$home/config" list \
        --format "{title}|{url}" --day-format "" 1850-01-01 30000d | grep -c '|https://' || true)"
    [ "$urls" = "$(grep -c '^URL:' "$file")" ] || fail "ics khal: $urls links read back"
    pass "ics links: $events events with links and media imported; khal reads back $urls links"
}

check_calcurse
check_khal
check_links
