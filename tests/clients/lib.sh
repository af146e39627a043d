# Shared by the client checks: where the binary is, how to get a client program, how to report.
# Sourced, not run. Each check prints one PASS, FAIL or SKIP line per thing it checks; a SKIP only
# when the client cannot be installed here (no root, no apt-get or npm, no network to them), or
# TIMELINE_CLIENTS_NO_INSTALL is set and it is missing.

set -euo pipefail
CLIENTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$CLIENTS_DIR/../.." && pwd)"
# npm packages live outside the repository, kept between runs on the same machine.
CLIENTS_CACHE="${TIMELINE_CLIENTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/timeline-clients}"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

pass() { echo "PASS $*"; }
skip() { echo "SKIP $*"; exit 0; }
fail() { echo "FAIL $*"; exit 1; }

# The binary of this checkout, built if needed (cargo is quiet when it is up to date).
# chromium_headless PROFILE ARGS...: Chromium without a window, network chatter or first-run pages,
# allowed to read the page's files, in a profile of its own under $SCRATCH, for two minutes at most.
chromium_headless() {
    local profile="$1"
    shift
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --allow-file-access-from-files \
        --user-data-dir="$SCRATCH/profile-$profile" "$@"
}

timeline_bin() {
    local target="${CARGO_TARGET_DIR:-$REPO/target}"
    (cd "$REPO" && cargo build --quiet) >&2
    echo "$target/debug/timeline"
}

# need_apt COMMAND PACKAGE: COMMAND on PATH, installing PACKAGE with apt-get when possible.
need_apt() {
    local command="$1" package="$2"
    command -v "$command" >/dev/null && return 0
    [ -z "${TIMELINE_CLIENTS_NO_INSTALL:-}" ] || return 1
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing $package with apt-get" >&2
        if [ ! -f "$CLIENTS_CACHE/.apt-updated" ]; then
            timeout 300 apt-get update -qq >&2 && mkdir -p "$CLIENTS_CACHE" \
                && touch "$CLIENTS_CACHE/.apt-updated" || true
        fi
        DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq "$package" >&2 || true
    fi
    command -v "$command" >/dev/null
}

# need_npm PACKAGE...: the packages in $CLIENTS_CACHE/node_modules, installed with npm if missing.
need_npm() {
    command -v npm >/dev/null || need_apt npm npm || return 1
    mkdir -p "$CLIENTS_CACHE"
    local missing=()
    for package in "$@"; do
        [ -d "$CLIENTS_CACHE/node_modules/$package" ] || missing+=("$package")
    done
    [ ${#missing[@]} = 0 ] && return 0
    [ -z "${TIMELINE_CLIENTS_NO_INSTALL:-}" ] || return 1
    echo "installing ${missing[*]} with npm" >&2
    (cd "$CLIENTS_CACHE" && { [ -f package.json ] || npm init -y >/dev/null; } \
        && timeout 300 npm install --no-audit --no-fund --silent "${missing[@]}") >&2 || true
    for package in "$@"; do
        [ -d "$CLIENTS_CACHE/node_modules/$package" ] || return 1
    done
}

# need_pip MODULE PACKAGE: python3 can import MODULE, installing PACKAGE with pip if missing.
need_pip() {
    local module="$1" package="$2"
    command -v python3 >/dev/null || return 1
    python3 -c "import $module" 2>/dev/null && return 0
    [ -z "${TIMELINE_CLIENTS_NO_INSTALL:-}" ] || return 1
    echo "installing $package with pip" >&2
    timeout 300 python3 -m pip install --quiet "$package" >&2 \
        || timeout 300 python3 -m pip install --quiet --break-system-packages "$package" >&2 || true
    python3 -c "import $module" 2>/dev/null
}
