"""Labels in the order a reader of the language expects, not in code-point order:
"Égalité" with the E's, "œuvre" with the O's, case ignored. A close approximation of
French and English collation, the same on every database (SQLite has none built in).

Python sorts use ``collation_key``; a model sorted in the database stores it in a
field of its own, kept up to date on save (``CollationKeyMixin``)."""

import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Letters that do not decompose but sort as two letters.
_EXPANSIONS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})


def collation_key(label):
    """``label`` folded for sorting: no accents, no case, ligatures expanded. Ties
    between labels that fold alike are for the caller to break (by the label)."""
    decomposed = unicodedata.normalize("NFKD", str(label or ""))
    folded = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return folded.translate(_EXPANSIONS).strip()


class CollationKeyMixin(models.Model):
    """Stores ``collation_key(name)`` in ``sort_name`` on every save, so that paginated
    listings sort in the database the way readers expect, on SQLite and PostgreSQL
    alike (``ordering = ["sort_name", "name"]``)."""

    sort_name = models.CharField(_("sort name"), max_length=255, editable=False, default="", db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sort_name = collation_key(self.name)[:255]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)
