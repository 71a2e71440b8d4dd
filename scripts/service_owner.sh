# Sourced by scripts/postgres.sh and scripts/elasticsearch.sh (not a command):
# runs a command as the service's owner, $OWNER, which each script sets (a
# system user when run as root, since neither server runs as root; the current
# user otherwise).

as_owner() {
    # cd / first: the owner may not be allowed into the caller's directory.
    if [ "$(id -u)" != 0 ]; then
        (cd / && "$@")
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$OWNER" -- "$@")
    else
        (cd / && su "$OWNER" -s /bin/sh -c "$(printf '%q ' "$@")")
    fi
}
