"""The pages endpoint of Wagtail's read API, with every input checked."""

from django.utils import translation
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.views import PagesAPIViewSet

from .filters import CheckedFieldsFilter, CheckedSearchFilter
from .pagination import CheckedPagination
from .values import check_integer, check_no_null_character

#: Wagtail's filters, with the two that read free input replaced by checked ones.
CHECKED_FILTERS = {FieldsFilter: CheckedFieldsFilter, SearchFilter: CheckedSearchFilter}

#: Parameters that name a page by its id.
PAGE_ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")


class ReseauPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's ``PagesAPIViewSet``, answering 400 with a translated message to any
    input it cannot use, where Wagtail's would fail with a 500 on some: a non-date
    in a date filter, a word in a relation filter, a quote in a search, a huge offset."""

    filter_backends = [CHECKED_FILTERS.get(backend, backend) for backend in PagesAPIViewSet.filter_backends]
    pagination_class = CheckedPagination

    def initial(self, request, *args, **kwargs):
        """Messages in the client's language. The API's addresses carry no language
        prefix, so with ``i18n_patterns(..., prefix_default_language=False)``
        Django's ``LocaleMiddleware`` takes every API request for the default
        language: ask the request itself (cookie, ``Accept-Language``) instead."""
        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
        super().initial(request, *args, **kwargs)

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name, value in self.request.GET.items():
            check_no_null_character(name, value)
        for name in PAGE_ID_PARAMETERS:
            value = self.request.GET.get(name)
            if value is not None and value != "root":
                check_integer(name, value, minimum=1)

    def get_object(self):
        check_integer("id", self.kwargs.get("pk"), minimum=1)
        return super().get_object()

    def find_object(self, queryset, request):
        if "id" in request.GET:
            check_integer("id", request.GET["id"], minimum=1)
        if "html_path" in request.GET:
            check_no_null_character("html_path", request.GET["html_path"])
        return super().find_object(queryset, request)

