"""The federal project's axes as web pages (the federal project itself, an index,
is a ``CollectionPage`` of its axes: ``seo/pages.py``)."""

from ..seo.builders import PageStructuredData
from ..seo.registry import register_structured_data
from .models import ProjectAxisPage


@register_structured_data(ProjectAxisPage)
class ProjectAxisStructuredData(PageStructuredData):
    page_type = "WebPage"
