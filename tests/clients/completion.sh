#!/usr/bin/env bash
# Completion in the shells themselves: bash's completion function called as readline calls it,
# zsh completing on a pseudo-terminal (zsh-complete.zsh), fish's `complete -C`. Each loads the
# script `timeline completions SHELL` prints, and must offer names, tags, event ids and periods
# from the timeline in use (the embedded one, or --file), never file names; what it inserts must
# reach the program as one word. One PASS or SKIP line per shell.
source "$(dirname "$0")/lib.sh"
TIMELINE="$(timeline_bin)"
SMALL="$REPO/tests/fixtures/small.yaml"
export HOME="$SCRATCH/home" XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data"
mkdir -p "$HOME"
unset TIMELINE_FILE COMPLETE
# A file named like a candidate in the folder completion runs in: it must never be offered.
mkdir -p "$SCRATCH/cwd" && touch "$SCRATCH/cwd/Kamenev.txt" "$SCRATCH/cwd/exile-notes"
cd "$SCRATCH/cwd"

# expect SHELL WHAT OUTPUT LINE...: every LINE is a line of OUTPUT.
expect() {
    local shell="$1" what="$2" output="$3"
    shift 3
    for line in "$@"; do
        grep -qxF -- "$line" <<<"$output" || fail "$shell: $what does not offer \`$line\`; it offers: $(tr '\n' ' ' <<<"$output")"
    done
}

# refuse SHELL WHAT OUTPUT PATTERN: no line of OUTPUT matches PATTERN.
refuse() {
    ! grep -qE -- "$4" <<<"$3" || fail "$1: $2 offers $(grep -E -- "$4" <<<"$3" | head -3 | tr '\n' ' ')"
}

check_bash() {
    "$TIMELINE" completions bash >"$SCRATCH/timeline.bash"
    # bash_offers WORD...: COMPREPLY for the last word, the line being `timeline WORD...`.
    bash_offers() {
        bash --norc --noprofile -c '
            source "$1" && shift
            COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_TYPE=9
            COMP_LINE="$*" && COMP_POINT=${#COMP_LINE}
            _clap_complete_timeline timeline "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf "%s\n" "${COMPREPLY[@]}"' _ "$SCRATCH/timeline.bash" timeline "$@"
    }
    complete_line="$(bash --norc --noprofile -c 'source "$1" && complete -p timeline' _ "$SCRATCH/timeline.bash")"
    [[ "$complete_line" == *"-F _clap_complete_timeline timeline" ]] || fail "bash: not registered: $complete_line"
    expect bash "who Kam" "$(bash_offers who Kam)" Kamenev Kameneva
    expect bash "who Serg" "$(bash_offers who Serg)" 'Sergey\ Kamenev' 'Sergey\ Kirov'
    expect bash "who Sergey\\ Ka" "$(bash_offers who 'Sergey\ Ka')" 'Sergey\ Kamenev'
    expect bash "--tag ex" "$(bash_offers --tag ex)" exile
    expect bash "show bir" "$(bash_offers show bir)" birth
    expect bash "--in civ" "$(bash_offers --in civ)" civil-war
    expect bash "--in 191" "$(bash_offers --in 191)" 1917
    # The README's table of what each shell completes: bash takes every offer as it comes.
    expect bash "who cardenas" "$(bash_offers who cardenas)" 'Cárdenas'
    expect bash "who Троц" "$(bash_offers who Троц)" Trotsky
    expect bash "who Cárd" "$(bash_offers who Cárd)" 'Cárdenas'
    expect bash "export" "$(bash_offers export '')" timelinejs ics markdown markwhen csv json
    expect bash "completions" "$(bash_offers completions '')" bash zsh fish
    small="$(bash_offers --file "$SMALL" who Kam)"
    [ "$small" = Kamenev ] || fail "bash: --file small.yaml who Kam offers: $small"
    refuse bash "who Kam" "$(bash_offers who Kam)" 'txt$'
    refuse bash "--tag exile" "$(bash_offers --tag exile)" notes
    # What bash inserts is what the program must get: one word that finds Sergey Kamenev.
    inserted="$(bash_offers who 'Sergey\ Kam')"
    eval "set -- $inserted"
    [ $# = 1 ] || fail "bash: \`$inserted\` is $# words"
    "$TIMELINE" who "$1" --format json | grep -q '"sergey-kamenev"' || fail "bash: who $inserted finds no Sergey Kamenev"
    # Installed as the README says, bash-completion loads the script on the first Tab.
    loader=/usr/share/bash-completion/bash_completion
    installed="not checked: no bash-completion package"
    if [ -f "$loader" ]; then
        mkdir -p "$XDG_DATA_HOME/bash-completion/completions"
        cp "$SCRATCH/timeline.bash" "$XDG_DATA_HOME/bash-completion/completions/timeline"
        loaded="$(bash --norc --noprofile -c 'source "$1" && _completion_loader timeline; complete -p timeline' _ "$loader" 2>&1)"
        [[ "$loaded" == *"-F _clap_complete_timeline timeline" ]] || fail "bash: bash-completion does not load ~/.local/share/bash-completion/completions/timeline: $loaded"
        installed="loaded by bash-completion from the README's path"
    fi
    pass "bash $BASH_VERSION: names, aliases, tags, event ids, periods, years, formats and shells; --file; escaped values insert as one word; no file names; $installed"
}

check_zsh() {
    need_apt zsh zsh || skip "zsh: zsh cannot be installed here"
    zsh -fc 'zmodload zsh/zpty' 2>/dev/null || skip "zsh: no zsh/zpty module to drive it"
    "$TIMELINE" completions zsh >"$SCRATCH/timeline.zsh"
    printf 'autoload -Uz compinit && compinit -u -D\nsource %q\n' "$SCRATCH/timeline.zsh" >"$SCRATCH/sourced.zsh"
    # Installed the other way: the script as `_timeline` in $fpath, autoloaded on the first Tab.
    mkdir -p "$SCRATCH/fpath" && cp "$SCRATCH/timeline.zsh" "$SCRATCH/fpath/_timeline"
    printf 'fpath=(%q $fpath)\nautoload -Uz compinit && compinit -u -D\n' "$SCRATCH/fpath" >"$SCRATCH/fpath.zsh"
    # zsh_offers SETUP LINE: `match VALUE` lines and the `buffer` the Tab left.
    zsh_offers() { timeout 30 zsh -f "$CLIENTS_DIR/zsh-complete.zsh" "$SCRATCH/$1" "timeline $2" || echo "error $?"; }
    for setup in sourced.zsh fpath.zsh; do
        expect "zsh ($setup)" "who Kam" "$(zsh_offers $setup 'who Kam')" "match Kamenev" "match Kameneva"
    done
    expect zsh "who Sergey\\ Ka" "$(zsh_offers sourced.zsh 'who Sergey\ Ka')" 'buffer timeline who Sergey\ Kamenev '
    expect zsh "who \"Sergey Ka" "$(zsh_offers sourced.zsh 'who "Sergey Ka')" 'buffer timeline who "Sergey Kamenev" '
    expect zsh "--tag ex" "$(zsh_offers sourced.zsh '--tag ex')" 'buffer timeline --tag exile '
    expect zsh "show bir" "$(zsh_offers sourced.zsh 'show bir')" 'buffer timeline show birth '
    expect zsh "--in civ" "$(zsh_offers sourced.zsh '--in civ')" 'buffer timeline --in civil-war '
    expect zsh "export" "$(zsh_offers sourced.zsh 'export ')" "match timelinejs" "match ics" "match csv"
    expect zsh "--file small.yaml who Ka" "$(zsh_offers sourced.zsh "--file ${SMALL@Q} who Ka")" "buffer timeline --file ${SMALL@Q} who Kamenev "
    # The README's table: zsh keeps the offers that start with what was typed, accents and all.
    expect zsh "who Cárd" "$(zsh_offers sourced.zsh 'who Cárd')" 'match Cárdenas'
    refuse zsh "who cardenas" "$(zsh_offers sourced.zsh 'who cardenas')" '^match'
    refuse zsh "who Троц" "$(zsh_offers sourced.zsh 'who Троц')" '^match'
    refuse zsh "who Kam" "$(zsh_offers sourced.zsh 'who Kam')" 'txt'
    refuse zsh "--tag exi" "$(zsh_offers sourced.zsh '--tag exi')" 'notes'
    pass "zsh $(zsh --version | cut -d' ' -f2): sourced and autoloaded from \$fpath; names (escaped and quoted), tags, event ids, periods, formats; --file; no file names"
}

check_fish() {
    need_apt fish fish || skip "fish: fish cannot be installed here"
    "$TIMELINE" completions fish >"$SCRATCH/timeline.fish"
    # fish_offers LINE: `complete -C` for LINE: VALUE<TAB>HELP lines, fish's own matching applied.
    fish_offers() { fish --no-config -c "source ${SCRATCH@Q}/timeline.fish; complete -C ${1@Q}"; }
    values() { cut -f1 <<<"$1"; }
    offers="$(fish_offers 'timeline who Kam')"
    expect fish "who Kam" "$(values "$offers")" Kamenev Kameneva
    grep -qxF "Kamenev	Lev Kamenev, Sergey Kamenev" <<<"$offers" || fail "fish: Kamenev's help does not name both: $offers"
    expect fish "who kam" "$(values "$(fish_offers 'timeline who kam')")" Kamenev
    expect fish "who Sergey\\ Ka" "$(values "$(fish_offers 'timeline who Sergey\ Ka')")" "Sergey Kamenev"
    expect fish "--tag ex" "$(fish_offers 'timeline --tag ex')" "exile	29 events"
    expect fish "show bir" "$(values "$(fish_offers 'timeline show bir')")" birth
    expect fish "--in civ" "$(fish_offers 'timeline --in civ')" "civil-war	Civil War (1918–1920)"
    # The README's table: fish keeps the offers that contain what was typed, case aside, not
    # accents or alphabet.
    expect fish "who Cárd" "$(values "$(fish_offers 'timeline who Cárd')")" 'Cárdenas'
    [ -z "$(fish_offers 'timeline who cardenas')" ] || fail "fish now completes who cardenas: update the README's table"
    [ -z "$(fish_offers 'timeline who Троц')" ] || fail "fish now completes who Троц: update the README's table"
    expect fish "export" "$(values "$(fish_offers 'timeline export ')")" timelinejs ics markdown markwhen csv json
    expect fish "completions" "$(values "$(fish_offers 'timeline completions ')")" bash zsh fish
    small="$(values "$(fish_offers "timeline --file ${SMALL@Q} who Ka")")"
    [ "$small" = Kamenev ] || fail "fish: --file small.yaml who Ka offers: $small"
    refuse fish "who Kam" "$(fish_offers 'timeline who Kam')" 'txt'
    refuse fish "--tag exi" "$(fish_offers 'timeline --tag exi')" 'notes'
    # Saved where the README says, fish loads it by itself on the first Tab.
    mkdir -p "$XDG_CONFIG_HOME/fish/completions"
    cp "$SCRATCH/timeline.fish" "$XDG_CONFIG_HOME/fish/completions/timeline.fish"
    # (fish autoloads completions only for a command it finds on $PATH.)
    mkdir -p "$SCRATCH/bin" && ln -sf "$TIMELINE" "$SCRATCH/bin/timeline"
    autoloaded="$(PATH="$SCRATCH/bin:$PATH" fish -c 'complete -C "timeline --tag ex"')"
    [ "$autoloaded" = "exile	29 events" ] || fail "fish: not autoloaded from ~/.config/fish/completions: $autoloaded"
    pass "fish $(fish --version | grep -oE '[0-9.]+$'): names with their about lines, tags with counts, event ids, periods, export formats, shells; --file; no file names; autoloaded from the README's path"
}

status=0
(check_bash) || status=1
(check_zsh) || status=1
(check_fish) || status=1
exit $status
