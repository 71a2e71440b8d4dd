#!/usr/bin/env bash
# The example site with demo content, on http://127.0.0.1:${PORT:-8000}/
#   bootstrap (.venv), migrate, load_demo_content (idempotent; creates the admin
#   user and prints its login), then runserver. Stop it with Ctrl-C.
# Environment: PORT (default 8000); DATABASE_URL (default SQLite example_site/db.sqlite3).
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

cat <<MSG

================================================================
  Site:   http://127.0.0.1:$PORT/
  Admin:  http://127.0.0.1:$PORT/admin/   (login printed above)
  Stop:   Ctrl-C
================================================================

MSG

exec "$PY" example_site/manage.py runserver "127.0.0.1:$PORT"
