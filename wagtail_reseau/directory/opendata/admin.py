"""The open-data quality report in Wagtail's admin: each organisation's score
(docs/opendata.md) and what to complete, weakest first."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..models import OrganisationPage
from .quality import score_structure
from .structures import structure


def can_see_report(user):
    return user.is_active and (
        user.is_superuser or Page.objects.type(OrganisationPage).exists() and user.has_perm("wagtailadmin.access_admin")
    )


def quality_view(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    pages = OrganisationPage.objects.select_related("locale").prefetch_related("opening_hours").order_by("path")
    rows = []
    for page in pages:
        quality = score_structure(structure(page, source="-"))
        rows.append({"page": page, "quality": quality, "percent": round(quality.score * 100)})
    rows.sort(key=lambda row: (row["quality"].score, row["page"].title))
    paginator = Paginator(rows, 50)
    page_obj = paginator.get_page(request.GET.get("p"))
    average = round(sum(row["quality"].score for row in rows) / len(rows) * 100) if rows else None
    return TemplateResponse(
        request,
        "wagtail_reseau/admin/opendata_quality.html",
        {"page_title": _("Open-data quality"), "rows": page_obj, "average": average, "count": len(rows)},
    )
