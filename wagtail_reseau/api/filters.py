"""Wagtail's API filters, with their input checked before it reaches the database."""

import re

from django.utils.translation import gettext as _
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError

from .values import check_field_value, check_no_null_character

#: A search longer than this is refused: no one types it, and every word costs.
MAX_SEARCH_LENGTH = 200
#: Control characters, and what the full-text engines read as syntax (SQLite FTS5
#: fails on an unbalanced quote or a lone operator): a search is words.
SEARCH_SYNTAX = re.compile(r"""[\x00-\x1f\x7f"'`*^(){}\[\]:+\-~<>=|!&\\/]""")


def clean_search(query):
    """The words of a search, without what a full-text engine would parse as syntax."""
    return " ".join(SEARCH_SYNTAX.sub(" ", query).split())


class CheckedFieldsFilter(FieldsFilter):
    """``?field=value``: each value checked against its field first, so a value the
    database cannot compare (``?date=abc``, ``?domains=abc``) is a 400, not a 500."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name in fields:
                try:
                    field = queryset.model._meta.get_field(name)
                except LookupError:
                    continue
                check_field_value(field, name, value)
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchFilter):
    """``?search=``: words only, of a bounded length; an operator other than and/or is a 400."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        query = request.GET["search"]
        check_no_null_character("search", query)
        if len(query) > MAX_SEARCH_LENGTH:
            raise BadRequestError(
                _("search must be at most %(length)s characters long.") % {"length": MAX_SEARCH_LENGTH}
            )
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError(_("search_operator must be “and” or “or”."))
        request = _with_search(request, clean_search(query))
        return super().filter_queryset(request, queryset, view)


def _with_search(request, query):
    """The request as the search filter reads it: with the cleaned query."""
    get = request.GET.copy()
    get["search"] = query

    class CleanedRequest:
        GET = get

        def __getattr__(self, name):
            return getattr(request, name)

    return CleanedRequest()
