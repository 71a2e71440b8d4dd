from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .core.unpublish import warn_of_live_translations
from .taxonomy.admin import NetworkViewSetGroup

register_snippet(NetworkViewSetGroup)
hooks.register("after_unpublish_page", warn_of_live_translations)
