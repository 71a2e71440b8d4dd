from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ConsentStatement


class ConsentStatementViewSet(SnippetViewSet):
    model = ConsentStatement
    icon = "lock"
    menu_label = _("Consent statements")
    add_to_settings_menu = True
    list_display = ["purpose", "text", "version", "locale"]
    list_filter = ["purpose"]


register_snippet(ConsentStatementViewSet)
