from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_reseau.seo.sitemap import sitemap

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # The directory as open data: data·inclusion and Open Referral HSDS (docs/opendata.md).
    path("opendata/", include("wagtail_reseau.directory.opendata.urls")),
    # The term chooser's search (territories, domains of action) for public forms (docs/geography.md).
    path("reseau/terms/", include("wagtail_reseau.taxonomy.chooser.urls")),
    # Every language's pages with their hreflang alternates (docs/seo.md).
    path("sitemap.xml", sitemap),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages: French at the root, English under /en/.
urlpatterns += i18n_patterns(
    # Calendar files of forums and sessions, and the feed of upcoming ones.
    path("calendars/", include("wagtail_reseau.events.urls")),
    # Registration to forums and training sessions, registrants' private links (docs/registrations.md).
    path("registrations/", include("wagtail_reseau.events.registrations.urls")),
    # RSS and Atom feeds of news, practices and upcoming forums (docs/seo.md).
    path("feeds/", include("wagtail_reseau.seo.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
