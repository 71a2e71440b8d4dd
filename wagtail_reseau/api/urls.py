"""A router with the package's pages endpoint and Wagtail's images and documents:

    from wagtail_reseau.api.urls import api_router
    urlpatterns = [path("api/v2/", api_router.urls), ...]

A host with a router of its own registers ``ReseauPagesAPIViewSet`` as its "pages"."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .views import ReseauPagesAPIViewSet


def make_api_router(namespace="wagtailapi"):
    router = WagtailAPIRouter(namespace)
    router.register_endpoint("pages", ReseauPagesAPIViewSet)
    router.register_endpoint("images", ImagesAPIViewSet)
    router.register_endpoint("documents", DocumentsAPIViewSet)
    return router


api_router = make_api_router()
