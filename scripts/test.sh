#!/usr/bin/env bash
# Every check of the project, as CI runs it (.ci/run calls this script):
#   1. scripts/bootstrap.sh               (.venv and the package with its dev extras)
#      ruff check                         (lint: the rules are in pyproject.toml)
#   2. scripts/browser.sh                 (Chromium and axe-core, for tests/browser/)
#      scripts/elasticsearch.sh start     (a throwaway Elasticsearch 8 node, for the
#                                          tests marked `elasticsearch`, in both runs)
#   3. manage.py check                    (the example site's system checks)
#   4. manage.py makemigrations --check   (no model change without its migration)
#   5. pytest on SQLite
#   5b. Wagtail 7.4 LTS, the oldest Wagtail the package supports: .venv-wagtail74 (made by
#      scripts/bootstrap.sh with RESEAU_VENV and RESEAU_EXTRA_PIN), makemigrations --check
#      and a representative part of the suite on SQLite with it (pages, admin,
#      translation, visibility, demo content, core, taxonomy, the golden catalogue
#      tests on the database engine; about two minutes).
#      RESEAU_WAGTAIL74=0 skips it outside CI.
#   5c. The install journey (tests/install/, marker `install`): `wagtail start` sites on
#      Wagtail 7.4 (.venv-wagtail74) and 8.0 (.venv), English-first and French-first,
#      set up by the steps of docs/installation.md read from the doc, then sections, a
#      catalogue and content created through the admin's views and checked as a
#      visitor; and the release build (python -m build, twine check --strict).
#      About three to five minutes. RESEAU_INSTALL=0 skips it outside CI.
#   6. scripts/postgres.sh start          (a throwaway local PostgreSQL)
#   7. pytest on PostgreSQL               (DATABASE_URL set)
# Extra arguments go to both full pytest runs (not the Wagtail 7.4 one):  scripts/test.sh -k demo
# Every pytest run is spread over RESEAU_PYTEST_WORKERS processes (pytest-xdist, default:
# the number of CPUs, `nproc`; each worker has its own test database and the
# Elasticsearch tests their own indices), with --dist load: each worker runs its tests
# in pytest-django's order (transactional tests, which empty the database, after the
# others; --dist loadfile breaks that). RESEAU_PYTEST_WORKERS=1 runs them in one process, as
# before; an argument such as `-n 0` after scripts/test.sh wins too. The PostgreSQL run
# leaves out the tests that do not depend on the database engine (marker `engine_agnostic`,
# see tests/conftest.py and docs/testing.md): the SQLite run has run them.
# When PostgreSQL cannot be started, the PostgreSQL run is SKIPPED (loudly), or is a
# FAILURE when CI is set. Likewise the browser tests (marker `browser`, in both runs)
# skip when Chromium, Playwright or axe-core is missing, and fail when CI is set
# (RESEAU_REQUIRE_BROWSER=1 is exported then), and the Elasticsearch tests skip
# without a server, and fail when CI is set (RESEAU_REQUIRE_ELASTICSEARCH=1). The exit code is non-zero if any stage
# failed; the output ends with a summary of the stages and then pytest's own closing line.
# A PostgreSQL or Elasticsearch server started by this run is stopped at the end
# (RESEAU_PG_KEEP=1, RESEAU_ES_KEEP=1 keep them); one already running is left alone.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=.venv/bin/python
WORK="$(mktemp -d)"
STOP_PG_AT_EXIT=""
STOP_ES_AT_EXIT=""

# shellcheck disable=SC2317  # (called by the trap)
cleanup() {
    # Stop the server if this run started it (silently: the output must end with pytest's line).
    if [ -n "$STOP_PG_AT_EXIT" ]; then bash scripts/postgres.sh stop >/dev/null 2>&1 || true; fi
    if [ -n "$STOP_ES_AT_EXIT" ]; then bash scripts/elasticsearch.sh stop >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

in_ci() { [ -n "${CI:-}" ] && [ "${CI:-}" != "false" ] && [ "${CI:-}" != "0" ]; }

banner() { printf '\n==== %s ====\n' "$*"; }

# Stage results, in order, for the summary.
STAGES=()
RESULTS=()
TIMES=()  # wall time of each stage (since the previous one ended), for the summary
STAGE_START=$SECONDS
record() { STAGES+=("$1"); RESULTS+=("$2"); TIMES+=("$(( SECONDS - STAGE_START ))"); STAGE_START=$SECONDS; }

# The closing line of the pytest run shown last (a failing run wins over a passing one).
FINAL_PYTEST_LINE=""
FINAL_PYTEST_FAILED=""

# pytest-xdist options for the interpreter $1: `-n N --dist load`, or nothing
# (one process) when RESEAU_PYTEST_WORKERS is 1 or xdist is not installed there.
WORKERS="${RESEAU_PYTEST_WORKERS:-$(nproc 2>/dev/null || echo 1)}"
xdist_args() {
    case "$WORKERS" in ''|*[!0-9]*) WORKERS=1 ;; esac
    if [ "$WORKERS" -gt 1 ] && "$1" -c 'import xdist' >/dev/null 2>&1; then
        printf '%s\n' -n "$WORKERS" --dist load
    fi
}

# run_pytest NAME [env assignments...] -- pytest args...
run_pytest() {
    local name="$1"; shift
    local envs=()
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    local log="$WORK/pytest-$(( ${#STAGES[@]} )).log"
    banner "$name"
    local rc=0
    # RUN_PY=... run_pytest ...: another interpreter (the Wagtail 7.4 venv's).
    local py="${RUN_PY:-$PY}" parallel=()
    mapfile -t parallel < <(xdist_args "$py")
    [ "${#parallel[@]}" = 0 ] || echo "(pytest-xdist: ${parallel[*]})"
    env "${envs[@]}" "$py" -m pytest "${parallel[@]}" "$@" 2>&1 | tee "$log" || rc="${PIPESTATUS[0]}"
    local last
    last="$(grep -v '^[[:space:]]*$' "$log" | tail -n 1 || true)"
    if [ "$rc" = 0 ]; then
        record "$name" passed
    elif [ "$rc" = 5 ] && [ -n "${NO_TESTS_OK:-}" ]; then
        # NO_TESTS_OK=... run_pytest ...: the PostgreSQL run, when every test selected
        # (scripts/test.sh -k ...) is engine_agnostic or slow, and so ran on SQLite only.
        record "$name" "passed (nothing left to run: $NO_TESTS_OK)"
        return 0
        echo "pytest collected no tests (exit code 5): counted as a failure"
        record "$name" "FAILED (no tests collected)"
    else
        record "$name" "FAILED (pytest exit code $rc)"
    fi
    # Keep the line of the last run, unless an earlier run failed and this one did not.
    if [ "$rc" != 0 ] || [ -z "$FINAL_PYTEST_FAILED" ]; then
        FINAL_PYTEST_LINE="$last"
        [ "$rc" = 0 ] || FINAL_PYTEST_FAILED=1
    fi
}

# run_stage NAME command...
run_stage() {
    local name="$1"; shift
    banner "$name"
    if "$@"; then record "$name" passed; else record "$name" "FAILED (exit code $?)"; fi
}

# 1. Environment. Nothing else can run without it.
banner "bootstrap"
if ! bash scripts/bootstrap.sh; then
    echo "FAILED: scripts/bootstrap.sh (see above); nothing else was run"
    exit 1
fi
record "bootstrap" passed

# 1b. Lint (rules and per-file ignores in pyproject.toml, [tool.ruff]).
run_stage "ruff" .venv/bin/ruff check --no-cache .

# 2. The browser tests' tools. Without them those tests skip, or fail in CI.
if in_ci; then export RESEAU_REQUIRE_BROWSER=1; fi
banner "browser tools"
if bash scripts/browser.sh; then
    record "browser tools" passed
elif in_ci; then
    record "browser tools" "FAILED (see scripts/browser.sh above)"
else
    echo "!!! The browser tests will be SKIPPED: scripts/browser.sh could not provide their tools (see above)"
    record "browser tools" "SKIPPED (missing tools: the browser tests skip)"
fi

# 2b. Elasticsearch, for the tests marked `elasticsearch` (both pytest runs).
if in_ci; then export RESEAU_REQUIRE_ELASTICSEARCH=1; fi
banner "Elasticsearch"
ES_WAS_UP=""
bash scripts/elasticsearch.sh status >/dev/null 2>&1 && ES_WAS_UP=1
ES_URL=""
if bash scripts/elasticsearch.sh start 2>&1 >"$WORK/es.out" | tee "$WORK/es.err"; then
    ES_URL="$(sed -n 's/^export RESEAU_ELASTICSEARCH_URL=//p' "$WORK/es.out" | tail -n 1)"
fi
[ -n "$ES_WAS_UP" ] || [ -z "$ES_URL" ] || [ -n "${RESEAU_ES_KEEP:-}" ] || STOP_ES_AT_EXIT=1
if [ -n "$ES_URL" ]; then
    export RESEAU_ELASTICSEARCH_URL="$ES_URL"
    record "Elasticsearch server" passed
elif in_ci; then
    record "Elasticsearch server" "FAILED (see scripts/elasticsearch.sh above)"
else
    echo "!!! The Elasticsearch tests will be SKIPPED: scripts/elasticsearch.sh could not start a server (see above)"
    record "Elasticsearch server" "SKIPPED (no server: the Elasticsearch tests skip)"
fi

# 3-4. The example site's checks (its settings: example_site.settings.dev).
export DJANGO_SETTINGS_MODULE=example_site.settings.dev
run_stage "manage.py check" "$PY" example_site/manage.py check
run_stage "makemigrations --check" "$PY" example_site/manage.py makemigrations --check --dry-run
unset DJANGO_SETTINGS_MODULE  # pytest takes tests.settings from pyproject.toml

# 5. The suite on SQLite (whatever DATABASE_URL the caller had).
run_pytest "pytest (SQLite)" -u DATABASE_URL -- --durations=15 "$@"

# 5b. Wagtail 7.4 LTS: its own venv, with the same interpreter as .venv.
WT74_VENV=.venv-wagtail74
WT74_PIN="wagtail>=7.4,<7.5"
if [ "${RESEAU_WAGTAIL74:-1}" = 0 ] && ! in_ci; then
    echo "!!! Wagtail 7.4 stages SKIPPED (RESEAU_WAGTAIL74=0)"
    record "Wagtail 7.4" "SKIPPED (RESEAU_WAGTAIL74=0)"
else
    banner "Wagtail 7.4 venv"
    if RESEAU_VENV="$WT74_VENV" RESEAU_EXTRA_PIN="$WT74_PIN" PYTHON="$(readlink -f "$PY")" bash scripts/bootstrap.sh \
        && "$WT74_VENV/bin/python" -c 'import sys, wagtail; print("Wagtail", wagtail.__version__); sys.exit(wagtail.VERSION[:2] != (7, 4))'
    then
        record "Wagtail 7.4 venv" passed
        export DJANGO_SETTINGS_MODULE=example_site.settings.dev
        run_stage "makemigrations (Wagtail 7.4)" "$WT74_VENV/bin/python" example_site/manage.py makemigrations --check --dry-run
        unset DJANGO_SETTINGS_MODULE
        RUN_PY="$WT74_VENV/bin/python" run_pytest "pytest (Wagtail 7.4)" -u DATABASE_URL -- \
            -m "not browser and not slow and not elasticsearch" -p no:cacheprovider \
            tests/test_pages.py tests/test_admin.py tests/test_translation.py tests/test_visibility.py \
            tests/test_demo_content.py tests/test_settings_checks.py tests/core tests/taxonomy \
            tests/catalogue/test_golden.py tests/catalogue/test_golden_sites.py
    else
        record "Wagtail 7.4 venv" "FAILED (see scripts/bootstrap.sh above)"
        record "pytest (Wagtail 7.4)" "FAILED (not run: no Wagtail 7.4 venv)"
    fi
fi

# 5c. The install journey and the release build (tests/install/ skip themselves in the
# other runs unless RESEAU_INSTALL_JOURNEY=1).
if [ "${RESEAU_INSTALL:-1}" = 0 ] && ! in_ci; then
    echo "!!! Install journey SKIPPED (RESEAU_INSTALL=0)"
    record "install journey" "SKIPPED (RESEAU_INSTALL=0)"
else
    # One process: its module fixture builds the four sites (two at a time, in threads)
    # once for the module's tests; two workers would each build them.
    WORKERS=1 run_pytest "install journey" -u DATABASE_URL RESEAU_INSTALL_JOURNEY=1 -- \
        -m install -p no:cacheprovider tests/install
fi

# 6. PostgreSQL.
banner "PostgreSQL"
PG_WAS_UP=""
bash scripts/postgres.sh status >/dev/null 2>&1 && PG_WAS_UP=1
PG_URL=""
# Its stdout (the export line) goes to a file, its messages to the screen and a file.
if bash scripts/postgres.sh start 2>&1 >"$WORK/pg.out" | tee "$WORK/pg.err"; then
    PG_URL="$(sed -n 's/^export DATABASE_URL=//p' "$WORK/pg.out" | tail -n 1)"
fi
[ -n "$PG_WAS_UP" ] || [ -z "$PG_URL" ] || [ -n "${RESEAU_PG_KEEP:-}" ] || STOP_PG_AT_EXIT=1

if [ -n "$PG_URL" ]; then
    record "PostgreSQL server" passed
    # 7. The suite on PostgreSQL (the browser tests too: they go through its full-text search).
    # The host-integration test (marked slow) installs the wheel with its own SQLite
    # database: the SQLite run covers it, the PostgreSQL run skips it. So are the tests
    # that cannot reach the database (marker engine_agnostic, set by tests/conftest.py):
    # they do the same whatever the engine, and the SQLite run has run them.
    NO_TESTS_OK="the tests selected ran on SQLite only" \
        run_pytest "pytest (PostgreSQL)" "DATABASE_URL=$PG_URL" -- -m "not slow and not engine_agnostic" --durations=15 "$@"
else
    reason="$(grep -v '^[[:space:]]*$' "$WORK/pg.err" 2>/dev/null | tail -n 1 || true)"
    reason="${reason#\[postgres\] }"
    reason="${reason#ERROR: }"
    reason="${reason:-scripts/postgres.sh start failed}"
    if in_ci; then
        echo "FAILED: PostgreSQL could not be started (CI is set, so this is a failure): $reason"
        record "PostgreSQL server" "FAILED ($reason)"
        record "pytest (PostgreSQL)" "FAILED (not run: no PostgreSQL)"
    else
        echo
        echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        echo "!!! SKIPPED the PostgreSQL run: $reason"
        echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        record "PostgreSQL server" "SKIPPED ($reason)"
        record "pytest (PostgreSQL)" "SKIPPED"
    fi
fi

# Summary, then pytest's closing line last (CI reads the closing lines).
failed=0
banner "summary"
for i in "${!STAGES[@]}"; do
    printf '  %-30s %6s s  %s\n' "${STAGES[$i]}" "${TIMES[$i]}" "${RESULTS[$i]}"
    case "${RESULTS[$i]}" in FAILED*) failed=1 ;; esac
done
echo "  (total: $SECONDS s)"
if [ "$failed" = 0 ]; then echo "ALL STAGES PASSED"; else echo "SOME STAGES FAILED"; fi
echo
[ -z "$FINAL_PYTEST_LINE" ] || printf '%s\n' "$FINAL_PYTEST_LINE"
exit "$failed"
