from wagtail.snippets.models import register_snippet

from .taxonomy.admin import NetworkViewSetGroup

register_snippet(NetworkViewSetGroup)
