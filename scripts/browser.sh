#!/usr/bin/env bash
# The tools of the browser tests (tests/browser/), idempotently:
#   - Chromium from the Debian package `chromium` (/usr/bin/chromium), installed with
#     apt-get when missing and we are root. Playwright never downloads a browser of
#     its own: the tests launch this one (executable_path).
#   - axe-core, the accessibility engine, from the npm registry into .cache/axe/
#     (pinned version below); the tests inject .cache/axe/node_modules/axe-core/axe.min.js.
#     npm comes from the Debian packages nodejs and npm when missing and we are root.
# The Python side (playwright) is in the `test` extra, installed by scripts/bootstrap.sh.
# Exit code: 0 when both tools are there at the end, 1 otherwise (the messages say what
# is missing). scripts/test.sh calls this script; the tests skip (or fail when
# RESEAU_REQUIRE_BROWSER is set) when a tool is missing.
# Environment: RESEAU_CHROMIUM (browser path, default /usr/bin/chromium).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

CHROMIUM="${RESEAU_CHROMIUM:-/usr/bin/chromium}"
AXE_VERSION="4.14.1"
AXE_DIR=".cache/axe"
AXE_JS="$AXE_DIR/node_modules/axe-core/axe.min.js"

say() { printf '[browser] %s\n' "$*" >&2; }

APT_UPDATED=""
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    if [ -z "$APT_UPDATED" ]; then apt-get update -qq && APT_UPDATED=1; fi
    apt-get install -y -qq "$@" >/dev/null
}

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

status=0

# --- Chromium --------------------------------------------------------------------
if [ -x "$CHROMIUM" ]; then
    say "chromium: $CHROMIUM"
elif can_apt && [ "$CHROMIUM" = /usr/bin/chromium ]; then
    say "chromium is missing: installing the Debian package chromium"
    if apt_install chromium && [ -x "$CHROMIUM" ]; then
        say "chromium: installed"
    else
        say "WARNING: could not install the Debian package chromium"
        status=1
    fi
else
    say "WARNING: $CHROMIUM is missing (as root: apt-get install chromium); the browser tests will not run"
    status=1
fi

# --- axe-core ----------------------------------------------------------------------
installed_axe="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$AXE_DIR/node_modules/axe-core/package.json" 2>/dev/null | head -n 1 || true)"
if [ -f "$AXE_JS" ] && [ "$installed_axe" = "$AXE_VERSION" ]; then
    say "axe-core $AXE_VERSION: $AXE_JS"
else
    if ! command -v npm >/dev/null 2>&1 && ! command -v node >/dev/null 2>&1 && can_apt; then
        say "npm is missing: installing the Debian packages nodejs and npm"
        apt_install --no-install-recommends nodejs npm || say "WARNING: could not install npm"
    fi
    if ! command -v npm >/dev/null 2>&1; then
        say "WARNING: npm is missing (install Node.js and npm); axe-core cannot be installed"
        status=1
    else
        say "installing axe-core $AXE_VERSION from the npm registry into $AXE_DIR"
        mkdir -p "$AXE_DIR"
        if npm install --prefix "$AXE_DIR" --no-audit --no-fund --no-save --loglevel=error \
            "axe-core@$AXE_VERSION" >/dev/null && [ -f "$AXE_JS" ]; then
            say "axe-core $AXE_VERSION: $AXE_JS"
        else
            say "WARNING: could not install axe-core with npm"
            status=1
        fi
    fi
fi

exit "$status"
