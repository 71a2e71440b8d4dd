"""The network's home page: the ``WebPage`` at the root of the ``WebSite``."""

from ..seo.builders import PageStructuredData
from ..seo.registry import register_structured_data
from .models import NetworkHomePage


@register_structured_data(NetworkHomePage)
class HomeStructuredData(PageStructuredData):
    def main_entity(self):
        # The home page is about the site itself: its WebSite node, already in the graph.
        site = self.site_node()
        return {"@id": site["@id"]} if site else None

    def graph(self):
        nodes = super().graph()
        return [node for node in nodes if set(node) != {"@id"}]
