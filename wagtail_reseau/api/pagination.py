"""Wagtail's API pagination, with offset and limit bounded."""

from wagtail.api.v2.pagination import WagtailPagination

from .values import check_integer

#: Beyond this, an offset only asks the database to count past every row there is.
MAX_OFFSET = 2**31 - 1


class CheckedPagination(WagtailPagination):
    """``?offset=`` and ``?limit=`` whole numbers in range, or a 400 that says so (an
    offset beyond what a database integer holds used to fail with a 500)."""

    def paginate_queryset(self, queryset, request, view=None):
        check_integer("offset", request.GET.get("offset", 0), minimum=0, maximum=MAX_OFFSET)
        check_integer("limit", request.GET.get("limit", 0), minimum=0, maximum=MAX_OFFSET)
        return super().paginate_queryset(queryset, request, view)
