#!/usr/bin/env bash
# The example site with demo content, on http://127.0.0.1:${PORT:-8000}/
#   bootstrap (.venv), migrate, load_demo_content (idempotent; creates the admin
#   user and prints its login), then runserver. Stop it with Ctrl-C.
# Environment: PORT (default 8000: the default Site record and WAGTAILADMIN_BASE_URL
#   follow it, so canonical links and the API's URLs point where the server answers);
#   DATABASE_URL (default SQLite example_site/db.sqlite3);
#   CATALOGUE_ENGINE=elasticsearch serves the catalogue from a local Elasticsearch
#   node (scripts/elasticsearch.sh starts it; the index is rebuilt before serving).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-8000}"
HOST=127.0.0.1
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=example_site.settings.dev
export WAGTAILADMIN_BASE_URL="http://$HOST:$PORT"

bash scripts/bootstrap.sh

echo "==> migrate"
"$PY" example_site/manage.py migrate --noinput

echo "==> load_demo_content"
"$PY" example_site/manage.py load_demo_content --hostname "$HOST" --port "$PORT"

if [ "${CATALOGUE_ENGINE:-database}" = elasticsearch ]; then
    echo "==> Elasticsearch"
    eval "$(bash scripts/elasticsearch.sh start)"
    export CATALOGUE_ENGINE RESEAU_ELASTICSEARCH_URL
    "$PY" example_site/manage.py reseau_rebuild_catalogue
fi

cat <<MSG

================================================================
  Site:   http://$HOST:$PORT/
  Admin:  http://$HOST:$PORT/admin/   (login printed above)
  Stop:   Ctrl-C
================================================================

MSG

exec "$PY" example_site/manage.py runserver "$HOST:$PORT"
