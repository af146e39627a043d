# zsh zsh-complete.zsh SETUP LINE: what zsh itself offers when Tab is pressed after LINE, in an
# interactive zsh on a pseudo-terminal (zpty) that has sourced SETUP (compinit and the script).
# Prints one `match VALUE` line per candidate zsh accepted (its own matching applied), then
# `buffer LINE` with the command line as the Tab left it. Exits 3 without zsh/zpty.
zmodload zsh/zpty 2>/dev/null || exit 3
setup=$1 line=$2
zpty shell zsh -f -i
# The harness: compadd reports what it adds; Tab completes, then reports the line and exits.
# Each marker is typed split by empty quotes (<<rea""dy>>): the terminal echoes what is typed,
# and only what zsh prints may match, or a slow zsh is read before it has answered.
zpty -w shell "PS1='' PROMPT='' RPROMPT=''; source ${(q)setup}"
zpty -w shell 'compadd() {
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
    local -a hits; builtin compadd -A hits "$@"
    local hit; for hit in $hits; do print -r -- "<<mat""ch>>$hit"; done
    builtin compadd "$@"
}'
zpty -w shell '_harness_tab() { zle complete-word; print -r -- "<<buf""fer>>$BUFFER<<e""nd>>"; }'
zpty -w shell 'zle -N _harness_tab; bindkey "^I" _harness_tab; print "<<rea""dy>>"'
zpty -r -m shell ignored '*<<ready>>*' || exit 4
zpty -w -n shell "$line"$'\t'
zpty -r -m shell out '*<<end>>*' || exit 5
zpty -d shell
print -r -- "$out" | tr -d '\r' | sed -n -e 's/^.*<<match>>/match /p' -e 's/^.*<<buffer>>\(.*\)<<end>>.*$/buffer \1/p'
