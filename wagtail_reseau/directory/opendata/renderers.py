"""Rows -> JSON or CSV text. In CSV, a list is one cell with its values
separated by commas; an empty value is an empty cell."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder


def to_json(rows):
    return json.dumps(rows, ensure_ascii=False, indent=1, cls=DjangoJSONEncoder)


def cell(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return ",".join(str(item) for item in value)
    return value


def to_csv(rows, fields):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([cell(row.get(name)) for name in fields])
    return out.getvalue()
