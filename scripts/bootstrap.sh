#!/usr/bin/env bash
# Prepare the development environment, idempotently:
#   - the Debian package gettext (msgfmt, for compilemessages) when missing and we are root;
#   - Pango (for WeasyPrint's PDF certificates) likewise;
#   - .venv/ made with python3 (>= 3.11) when missing or broken;
#   - `pip install -e ".[dev]"` into it, skipped when pyproject.toml has not changed
#     since the last successful install (a stamp file in .venv/ remembers its hash).
# Environment: PYTHON (interpreter to build the venv with, default python3),
#              RESEAU_FORCE_INSTALL=1 (reinstall even when the stamp matches),
#              RESEAU_VENV (the venv's directory, default .venv),
#              RESEAU_EXTRA_PIN (requirements installed along with the package, split on
#                spaces, such as "wagtail>=7.4,<7.5": scripts/test.sh prepares its
#                Wagtail 7.4 venv with RESEAU_VENV=.venv-wagtail74 and this).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
VENV="${RESEAU_VENV:-.venv}"
EXTRA_PIN="${RESEAU_EXTRA_PIN:-}"
STAMP="$VENV/.wagtail-reseau-bootstrap"

say() { printf '[bootstrap] %s\n' "$*" >&2; }

# --- gettext (msgfmt) -------------------------------------------------------------
if ! command -v msgfmt >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "msgfmt is missing: installing the Debian package gettext"
        export DEBIAN_FRONTEND=noninteractive
        if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends gettext >/dev/null; }; then
            say "WARNING: could not install gettext; compilemessages will not work"
        fi
    else
        say "WARNING: msgfmt is missing (install gettext); compilemessages will not work"
    fi
fi

# --- Pango (WeasyPrint's text layout, for attendance certificates as PDF) ---------
if ! ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so'; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "Pango is missing: installing the Debian packages libpango-1.0-0 libpangoft2-1.0-0"
        export DEBIAN_FRONTEND=noninteractive
        if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends \
                libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core >/dev/null; }; then
            say "WARNING: could not install Pango; attendance certificates (PDF) will not work"
        fi
    else
        say "WARNING: Pango is missing (Debian: libpango-1.0-0 libpangoft2-1.0-0); attendance certificates (PDF) will not work"
    fi
fi

# --- the virtualenv ---------------------------------------------------------------
if ! "$VENV/bin/python" -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1; then
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        say "ERROR: $PYTHON not found; install Python 3.11 or newer (or set PYTHON=...)"
        exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        say "ERROR: $PYTHON is Python $("$PYTHON" -c 'import platform; print(platform.python_version())'); 3.11 or newer is needed"
        exit 1
    fi
    # Missing, or left by another interpreter that no longer runs: start afresh.
    say "creating $VENV with $("$PYTHON" -c 'import sys; print(sys.executable)')"
    "$PYTHON" -m venv --clear "$VENV"
    rm -f "$STAMP"
fi

# --- the package and its dev extras -----------------------------------------------
# The stamp holds the hash of pyproject.toml, the interpreter's version and the extra pins.
want="$(sha256sum pyproject.toml | cut -d' ' -f1) $("$VENV/bin/python" -c 'import platform; print(platform.python_version())')"
[ -z "$EXTRA_PIN" ] || want="$want $EXTRA_PIN"
have="$(cat "$STAMP" 2>/dev/null || true)"

if [ "$want" = "$have" ] && [ -z "${RESEAU_FORCE_INSTALL:-}" ] \
    && "$VENV/bin/python" -c 'import wagtail_reseau, django, wagtail, pytest' >/dev/null 2>&1; then
    say "up to date ($VENV, pyproject.toml unchanged${EXTRA_PIN:+, with $EXTRA_PIN})"
    exit 0
fi

say 'installing -e ".[dev]"'"${EXTRA_PIN:+ $EXTRA_PIN}"' into '"$VENV"' (quiet; this takes a minute the first time)'
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
# -q keeps pip's warnings and errors. The pins are split on spaces (one word each).
# shellcheck disable=SC2086
"$VENV/bin/python" -m pip install -q -e ".[dev]" $EXTRA_PIN
printf '%s\n' "$want" >"$STAMP"
say "done"
