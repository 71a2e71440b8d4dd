#!/usr/bin/env bash
# The example site with demo content, on http://127.0.0.1:${PORT:-8000}/
#   bootstrap (.venv), migrate, load_demo_content (idempotent; creates the admin
#   user and prints its login), then runserver. Stop it with Ctrl-C.
# Environment: PORT (default 8000); DATABASE_URL (default SQLite example_site/db.sqlite3);
#   CATALOGUE_ENGINE=elasticsearch serves the catalogue from a local Elasticsearch
#   node (scripts/elasticsearch.sh starts it; the index is rebuilt before serving).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-8000}"
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=example_site.settings.dev

bash scripts/bootstrap.sh

echo "==> migrate"
"$PY" example_site/manage.py migrate --noinput

echo "==> load_demo_content"
"$PY" example_site/manage.py load_demo_content

if [ "${CATALOGUE_ENGINE:-database}" = elasticsearch ]; then
    echo "==> Elasticsearch"
    eval "$(bash scripts/elasticsearch.sh start)"
    export CATALOGUE_ENGINE RESEAU_ELASTICSEARCH_URL
    "$PY" example_site/manage.py reseau_rebuild_catalogue
fi

cat <<MSG

================================================================
  Site:   http://127.0.0.1:$PORT/
  Admin:  http://127.0.0.1:$PORT/admin/   (login printed above)
  Stop:   Ctrl-C
================================================================

MSG

exec "$PY" example_site/manage.py runserver "127.0.0.1:$PORT"
