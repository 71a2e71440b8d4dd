#!/usr/bin/env bash
# A throwaway Elasticsearch 8 node for the tests.
#
#   scripts/elasticsearch.sh [start]   fetch the minimal distribution (Maven Central) and
#                                      unpack it once into .cache/elasticsearch/<version>/,
#                                      build and install the language analyser shim plugin
#                                      once, start a single node, wait until it is healthy,
#                                      print `export RESEAU_ELASTICSEARCH_URL=...`
#   scripts/elasticsearch.sh stop      stop the node (pidfile) and wait for it to exit
#   scripts/elasticsearch.sh status    exit 0 when a healthy node answers on the port, 3 otherwise
#
# Only the export line goes to stdout, so `eval "$(scripts/elasticsearch.sh)"` works;
# progress and errors go to stderr.
# Environment: RESEAU_ES_VERSION (default 8.19.21), RESEAU_ES_DIR (node directory with
#              config, data, logs; default /tmp/wagtail-reseau-es), RESEAU_ES_PORT (HTTP,
#              default 9250; transport = port + 100), RESEAU_ES_HEAP (default 512m),
#              RESEAU_ES_CACHE (unpacked distributions, default <repo>/.cache/elasticsearch).
# Java: ES_JAVA_HOME, else JAVA_HOME, else `java` on PATH, else the newest JDK in
#       /usr/lib/jvm; it must be >= 17 (and have javac to build the shim plugin once).
# The node listens on 127.0.0.1 only, security is off (plain http, no password).
#
# The distribution is Elastic's "integ-test-zip": the server, transport and x-pack
# security only, no bundled JDK and no analysis-common module. The shim plugin in
# scripts/elasticsearch/lucene-language-analysers/ provides the language analyser types
# (french, english, ...) that a full distribution has built in; see its README.md.
set -euo pipefail
umask 022

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ES_VERSION="${RESEAU_ES_VERSION:-8.19.21}"
ES_DIR="${RESEAU_ES_DIR:-/tmp/wagtail-reseau-es}"
ES_DIR="${ES_DIR%/}"
ES_PORT="${RESEAU_ES_PORT:-9250}"
ES_HEAP="${RESEAU_ES_HEAP:-512m}"
CACHE_ROOT="${RESEAU_ES_CACHE:-$REPO_ROOT/.cache/elasticsearch}"
CACHE_DIR="$CACHE_ROOT/$ES_VERSION"
ES_HOME="$CACHE_DIR/elasticsearch-$ES_VERSION"
ES_HOST=127.0.0.1
CLUSTER_NAME=reseau-test
ES_URL="http://$ES_HOST:$ES_PORT"
PIDFILE="$ES_DIR/elasticsearch.pid"
MARKER="$ES_DIR/.wagtail-reseau-es"
SHIM_NAME=lucene-language-analysers
SHIM_SRC="$REPO_ROOT/scripts/elasticsearch/$SHIM_NAME"
MAVEN_CENTRAL="https://repo1.maven.org/maven2"
ZIP_PATH_IN_REPO="org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
START_TIMEOUT=90
STOP_TIMEOUT=60

say() { printf '[elasticsearch] %s\n' "$*" >&2; }
die() { printf '[elasticsearch] ERROR: %s\n' "$*" >&2; exit 1; }

if ! [[ "$ES_PORT" =~ ^[0-9]+$ ]] || [ "$ES_PORT" -lt 1 ] || [ "$ES_PORT" -gt 65435 ]; then
    die "RESEAU_ES_PORT must be a port number <= 65435 (transport uses port + 100), not '$ES_PORT'"
fi
ES_TRANSPORT_PORT=$((ES_PORT + 100))
[[ "$ES_HEAP" =~ ^[0-9]+[kKmMgG]?$ ]] || die "RESEAU_ES_HEAP must look like 512m or 1g, not '$ES_HEAP'"
[[ "$ES_VERSION" =~ ^8\.[0-9]+\.[0-9]+$ ]] || die "RESEAU_ES_VERSION must be an 8.x.y version, not '$ES_VERSION'"
case "$ES_DIR" in /*) ;; *) die "RESEAU_ES_DIR must be an absolute path, not '$ES_DIR'" ;; esac

# Elasticsearch refuses to run as root: the node belongs to a system user then.
if [ "$(id -u)" = 0 ]; then OWNER=reseau-es; else OWNER="$(id -un)"; fi

# shellcheck source=scripts/service_owner.sh
source "$(dirname "${BASH_SOURCE[0]}")/service_owner.sh"

ensure_owner_user() {
    [ "$(id -u)" = 0 ] || return 0
    id -u "$OWNER" >/dev/null 2>&1 && return 0
    say "creating the system user $OWNER (Elasticsearch refuses to run as root)"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$OWNER" \
        || die "could not create the system user $OWNER"
}

# --- HTTP probes -------------------------------------------------------------------

health_json() { curl -sS -m 5 "$ES_URL/_cluster/health" 2>/dev/null; }
healthy() { health_json | grep -Eq '"status":"(green|yellow)"'; }
# Something (anything) answers HTTP on the port.
port_answers() {
    local code
    code="$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$ES_URL/" 2>/dev/null || true)"
    [ -n "$code" ] && [ "$code" != 000 ]
}
remote_cluster_name() { health_json | sed -n 's/.*"cluster_name":"\([^"]*\)".*/\1/p'; }

# --- the node started from ES_DIR --------------------------------------------------

# Prints the pid of our node (from the pidfile) when it runs.
our_pid() {
    local pid
    [ -f "$PIDFILE" ] || return 1
    pid="$(tr -dc 0-9 <"$PIDFILE" 2>/dev/null || true)"
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
    # The server JVM runs with -Djava.io.tmpdir=<ES_DIR>/tmp (jvm.options: ${ES_TMPDIR}):
    # make sure the pid is our node, not a reused pid.
    tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "-Djava.io.tmpdir=$ES_DIR/tmp" || return 1
    echo "$pid"
}

wait_healthy() {
    local deadline=$((SECONDS + $1))
    while [ "$SECONDS" -lt "$deadline" ]; do
        healthy && return 0
        sleep 1
    done
    healthy
}

server_log() { echo "$ES_DIR/logs/$CLUSTER_NAME.log"; }

# Log tail without the stack frames ("at ..." lines): messages and "Caused by" remain.
log_tail() { grep -Ev '^[[:space:]]+(at |\.\.\. [0-9]+ more)' "$1" | tail -n "$2" >&2 || true; }

# The console output of `bin/elasticsearch -d` (startup.log) repeats the server log up to
# the failure; after a successful detach only the server log grows.
show_logs() {
    local f="$ES_DIR/startup.log" n=20
    if [ "${1:-}" = server ] || [ ! -s "$f" ]; then f="$(server_log)" n=25; fi
    if [ -s "$f" ]; then
        say "--- tail of $f (stack frames omitted)"
        log_tail "$f" "$n"
        say "--- full server log: $(server_log)"
    fi
}

# --- Java --------------------------------------------------------------------------

# Feature version of the JVM in $1 (a java home), empty when it is not one.
java_major() {
    local v
    [ -x "$1/bin/java" ] || return 0
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)"
    case "$v" in 1.*) v="${v#1.}" ;; esac
    if [[ "$v" =~ ^[0-9]+$ ]]; then echo "$v"; fi
    return 0
}

java_ok() { local v; v="$(java_major "$1")"; [ -n "$v" ] && [ "$v" -ge 17 ]; }

# Java homes in order of preference (duplicates are harmless).
java_candidates() {
    local j best="" best_v=0 v
    [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME"
    if j="$(command -v java 2>/dev/null)"; then
        j="$(readlink -f "$j")"
        dirname "$(dirname "$j")"
    fi
    # The newest JDK in /usr/lib/jvm.
    for j in /usr/lib/jvm/*/; do
        j="${j%/}"
        [ -L "$j" ] && continue
        v="$(java_major "$j")"
        if [ -n "$v" ] && [ "$v" -gt "$best_v" ]; then best="$j" best_v="$v"; fi
    done
    [ -n "$best" ] && echo "$best"
    return 0
}

pick_java() {
    local j
    if [ -n "${ES_JAVA_HOME:-}" ]; then
        java_ok "$ES_JAVA_HOME" || die "ES_JAVA_HOME=$ES_JAVA_HOME is not a Java >= 17 installation"
        JAVA_DIR="$ES_JAVA_HOME"
    else
        JAVA_DIR=""
        while read -r j; do
            if java_ok "$j"; then JAVA_DIR="$j"; break; fi
            say "ignoring $j (not a Java >= 17)"
        done < <(java_candidates)
        [ -n "$JAVA_DIR" ] || die "no Java >= 17 found (tried ES_JAVA_HOME, JAVA_HOME, java on PATH, /usr/lib/jvm); install one (e.g. apt-get install openjdk-17-jdk-headless) or set ES_JAVA_HOME"
    fi
}

# A JDK (with javac and jar) >= 17 to build the shim plugin: the chosen one if it is a JDK.
pick_jdk() {
    local j
    JDK_DIR=""
    for j in "$JAVA_DIR" $(java_candidates); do
        if [ -x "$j/bin/javac" ] && [ -x "$j/bin/jar" ] && java_ok "$j"; then JDK_DIR="$j"; return; fi
    done
    die "no JDK >= 17 with javac found to build the $SHIM_NAME plugin (the JVM $JAVA_DIR has no javac); install e.g. openjdk-17-jdk-headless"
}

# --- distribution ------------------------------------------------------------------

sha1_matches() { # file, expected-sha1-file
    local want got
    want="$(awk '{print $1; exit}' "$2")"
    got="$(sha1sum "$1" | awk '{print $1}')"
    [ -n "$want" ] && [ "$want" = "$got" ]
}

# Sets ZIP to a verified copy of the distribution zip.
fetch_zip() {
    local m2="$HOME/.m2/repository/$ZIP_PATH_IN_REPO"
    if [ -f "$m2" ] && { [ ! -f "$m2.sha1" ] || sha1_matches "$m2" "$m2.sha1"; }; then
        ZIP="$m2"; return
    fi
    if command -v mvn >/dev/null 2>&1; then
        say "downloading Elasticsearch $ES_VERSION (integ-test-zip) with mvn dependency:get"
        if mvn -q -B dependency:get -Dtransitive=false \
            "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" >&2; then
            if [ -f "$m2" ] && { [ ! -f "$m2.sha1" ] || sha1_matches "$m2" "$m2.sha1"; }; then
                ZIP="$m2"; return
            fi
            say "mvn succeeded but $m2 is missing or fails its .sha1; falling back to curl"
        else
            say "mvn dependency:get failed; falling back to curl"
        fi
    else
        say "mvn is not installed; downloading with curl"
    fi
    command -v curl >/dev/null 2>&1 || die "neither mvn nor curl can download Elasticsearch"
    local dl="$CACHE_ROOT/downloads" url="$MAVEN_CENTRAL/$ZIP_PATH_IN_REPO"
    mkdir -p "$dl"
    ZIP="$dl/elasticsearch-$ES_VERSION.zip"
    say "downloading $url"
    curl -fsSL --retry 3 -o "$ZIP.sha1" "$url.sha1" || die "could not download $url.sha1"
    curl -fSL --retry 3 --progress-bar -o "$ZIP.part" "$url" || die "could not download $url"
    sha1_matches "$ZIP.part" "$ZIP.sha1" || { rm -f "$ZIP.part"; die "SHA-1 mismatch for $url"; }
    mv "$ZIP.part" "$ZIP"
}

unzip_to() { # zip, directory
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$1" -d "$2"
    elif command -v python3 >/dev/null 2>&1; then
        # zipfile does not restore the permission bits: do it by hand (bin/ must be executable).
        python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        path = z.extract(info, sys.argv[2])
        mode = (info.external_attr >> 16) & 0o7777
        if mode:
            os.chmod(path, mode)
PY
    else
        die "need unzip or python3 to unpack the distribution"
    fi
}

ensure_distribution() {
    [ -x "$ES_HOME/bin/elasticsearch" ] && [ -d "$ES_HOME/lib" ] && return 0
    fetch_zip
    say "unpacking $ZIP into $CACHE_DIR"
    mkdir -p "$CACHE_DIR"
    rm -rf "$ES_HOME" "$CACHE_DIR/$SHIM_NAME.sha256"
    local tmp
    tmp="$(mktemp -d "$CACHE_DIR/unpack.XXXXXX")"
    unzip_to "$ZIP" "$tmp" || { rm -rf "$tmp"; die "could not unpack $ZIP"; }
    [ -x "$tmp/elasticsearch-$ES_VERSION/bin/elasticsearch" ] \
        || { rm -rf "$tmp"; die "$ZIP does not contain elasticsearch-$ES_VERSION/bin/elasticsearch"; }
    mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
    rm -rf "$tmp"
    case "$ZIP" in "$CACHE_ROOT"/downloads/*) rm -f "$ZIP" "$ZIP.sha1" ;; esac
}

# --- the analyser shim plugin ------------------------------------------------------

shim_digest() {
    (cd "$SHIM_SRC" && find . -type f \( -name '*.java' -o -name '*.json' \) | LC_ALL=C sort | xargs sha256sum) \
        | { cat; echo "$ES_VERSION"; } | sha256sum | awk '{print $1}'
}

ensure_shim_plugin() {
    local stamp="$CACHE_DIR/$SHIM_NAME.sha256" digest
    [ -d "$SHIM_SRC/src" ] || die "missing $SHIM_SRC/src"
    digest="$(shim_digest)"
    if [ -d "$ES_HOME/plugins/$SHIM_NAME" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
        return 0
    fi
    pick_jdk
    local build="$CACHE_DIR/$SHIM_NAME-build"
    local zip="$build/$SHIM_NAME-$ES_VERSION.zip"
    say "building the $SHIM_NAME plugin (javac from $JDK_DIR)"
    rm -rf "$build"
    mkdir -p "$build/classes" "$build/plugin"
    local sources=()
    while IFS= read -r -d '' f; do sources+=("$f"); done < <(find "$SHIM_SRC/src" -name '*.java' -print0)
    [ "${#sources[@]}" -gt 0 ] || die "no Java sources under $SHIM_SRC/src"
    "$JDK_DIR/bin/javac" --release 17 -nowarn -encoding UTF-8 -d "$build/classes" \
        -cp "$ES_HOME/lib/*" "${sources[@]}" >&2 || die "javac failed for $SHIM_NAME"
    "$JDK_DIR/bin/jar" --create --file "$build/plugin/$SHIM_NAME.jar" -C "$build/classes" . >&2
    cp "$SHIM_SRC/named_components.json" "$build/plugin/"
    cat >"$build/plugin/stable-plugin-descriptor.properties" <<PROPS
name=$SHIM_NAME
description=Language analyser types (french, english, ...) backed by Lucene, for the minimal test distribution (wagtail-reseau)
version=$ES_VERSION
elasticsearch.version=$ES_VERSION
java.version=17
PROPS
    "$JDK_DIR/bin/jar" --create --no-manifest --file "$zip" -C "$build/plugin" . >&2
    local plugin_cli=(env "ES_JAVA_HOME=$JAVA_DIR" "ES_PATH_CONF=$ES_HOME/config" "$ES_HOME/bin/elasticsearch-plugin")
    if [ -d "$ES_HOME/plugins/$SHIM_NAME" ]; then
        say "removing the previous build of $SHIM_NAME"
        "${plugin_cli[@]}" remove "$SHIM_NAME" >&2 || rm -rf "$ES_HOME/plugins/$SHIM_NAME"
    fi
    say "installing $SHIM_NAME into $ES_HOME"
    "${plugin_cli[@]}" install --batch "file://$zip" >&2 || die "elasticsearch-plugin install $zip failed"
    echo "$digest" >"$stamp"
}

# --- node directory and config ----------------------------------------------------

prepare_node_dir() {
    if [ -e "$ES_DIR" ] && [ ! -f "$MARKER" ] && [ -n "$(ls -A "$ES_DIR" 2>/dev/null)" ]; then
        die "$ES_DIR exists, is not empty and was not made by this script; remove it or set RESEAU_ES_DIR"
    fi
    mkdir -p "$ES_DIR/config" "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
    touch "$MARKER"
    # The distribution's config (jvm.options, log4j2.properties, ...), refreshed each start;
    # the keystore the node creates in here is kept.
    local f
    for f in "$ES_HOME/config/"*; do
        case "$(basename "$f")" in elasticsearch.yml | elasticsearch.keystore) continue ;; esac
        cp -R "$f" "$ES_DIR/config/"
    done
    cat >"$ES_DIR/config/elasticsearch.yml" <<YML
# Written by scripts/elasticsearch.sh (wagtail-reseau throwaway test node); rewritten each start.
cluster.name: $CLUSTER_NAME
node.name: $CLUSTER_NAME-$ES_PORT
path.data: $ES_DIR/data
path.logs: $ES_DIR/logs
network.host: $ES_HOST
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
discovery.type: single-node
xpack.security.enabled: false
# Test data: keep writing even when the disk is nearly full, allow wildcard index deletion.
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
    if [ "$(id -u)" = 0 ]; then
        chown -R "$OWNER:" "$ES_DIR"
        # The node user must be able to read the distribution in the cache.
        as_owner test -r "$ES_HOME/lib/elasticsearch-$ES_VERSION.jar" \
            || die "user $OWNER cannot read $ES_HOME (check the permissions of its parent directories, or set RESEAU_ES_CACHE)"
    fi
}

# --- commands ----------------------------------------------------------------------

print_export() {
    say "ready: $ES_URL"
    echo "export RESEAU_ELASTICSEARCH_URL=$ES_URL"
}

cmd_start() {
    command -v curl >/dev/null 2>&1 || die "curl is required"
    # Serialise concurrent starts (downloads, unpacking, plugin install, start).
    mkdir -p "$CACHE_ROOT"
    exec 9>"$CACHE_ROOT/.lock"
    if command -v flock >/dev/null 2>&1; then
        flock -w 600 9 || die "timed out waiting for another scripts/elasticsearch.sh start"
    fi

    if healthy; then
        if our_pid >/dev/null; then
            say "already running: node $ES_DIR on $ES_HOST:$ES_PORT"
        else
            say "reusing the node already answering on $ES_HOST:$ES_PORT (cluster $(remote_cluster_name), not started from $ES_DIR)"
        fi
        print_export
        return
    fi
    local pid
    if pid="$(our_pid)"; then
        say "node $ES_DIR (pid $pid) runs but is not healthy yet on $ES_HOST:$ES_PORT; waiting"
        wait_healthy "$START_TIMEOUT" || { show_logs server; die "node $ES_DIR (pid $pid) does not become healthy on $ES_HOST:$ES_PORT; run: $0 stop"; }
        print_export
        return
    fi
    if port_answers; then
        die "something else answers HTTP on $ES_HOST:$ES_PORT; stop it or set RESEAU_ES_PORT"
    fi

    pick_java
    ensure_distribution
    ensure_shim_plugin
    ensure_owner_user
    prepare_node_dir
    rm -f "$PIDFILE"

    say "starting Elasticsearch $ES_VERSION on $ES_HOST:$ES_PORT (transport $ES_TRANSPORT_PORT, heap $ES_HEAP, java $JAVA_DIR, log: $(server_log))"
    local t0=$SECONDS
    # 9>&-: the daemon must not inherit (and hold) the lock.
    if ! as_owner env \
        "ES_JAVA_HOME=$JAVA_DIR" \
        "ES_PATH_CONF=$ES_DIR/config" \
        "ES_TMPDIR=$ES_DIR/tmp" \
        "ES_JAVA_OPTS=-Xms$ES_HEAP -Xmx$ES_HEAP ${ES_JAVA_OPTS:-}" \
        "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE" >"$ES_DIR/startup.log" 2>&1 9>&-; then
        show_logs
        die "Elasticsearch failed to start"
    fi
    if ! wait_healthy "$START_TIMEOUT"; then
        show_logs server
        die "Elasticsearch did not become healthy on $ES_URL within ${START_TIMEOUT}s (still running? try: $0 stop)"
    fi
    say "started in $((SECONDS - t0))s (pid $(our_pid || echo '?'))"
    print_export
}

cmd_stop() {
    local pid
    if ! pid="$(our_pid)"; then
        rm -f "$PIDFILE"
        say "not running ($ES_DIR)"
        return
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while [ -e "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
    if [ -e "/proc/$pid" ]; then
        say "pid $pid still alive after ${STOP_TIMEOUT}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        while [ -e "/proc/$pid" ]; do sleep 0.2; done
    fi
    rm -f "$PIDFILE"
    say "stopped ($ES_DIR)"
}

cmd_status() {
    local pid
    if pid="$(our_pid)"; then say "node $ES_DIR is running (pid $pid)"; else say "node $ES_DIR is not running"; fi
    if healthy; then
        say "a healthy node answers on $ES_HOST:$ES_PORT (cluster $(remote_cluster_name)); RESEAU_ELASTICSEARCH_URL=$ES_URL"
    else
        say "no healthy node answers on $ES_HOST:$ES_PORT"
        exit 3
    fi
}

case "${1:-start}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
