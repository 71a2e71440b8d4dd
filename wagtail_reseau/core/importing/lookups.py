"""What spreadsheet cells refer to, read once per import into memory, so that a
row costs no query: names compared folded, vocabulary terms by slug or label,
choices by value or label in any of the site's languages."""

import datetime
import re
import unicodedata


def fold(text):
    """Lower case, no accents, words separated by one space ("Saint-Étienne" ->
    "saint etienne"): how names are compared."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(re.split(r"[\W_]+", text.lower())).strip()


def digits(value):
    return re.sub(r"\s+", "", str(value or ""))


def split_values(value):
    """The values of a cell that may list several ("a; b", "a, b" or one per line)."""
    text = str(value or "")
    separator = ";" if ";" in text else ("\n" if "\n" in text else ",")
    return [part.strip() for part in text.split(separator) if part.strip()]


# ISO first, then day first as a French (or British) spreadsheet writes it; never month first.
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y")


def parse_date(value):
    """The date a cell holds ("2024-03-31", "31/03/2024", a spreadsheet's date or
    its text "2024-03-31 00:00:00"), or None."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if len(text) == 19 and text[10] == " ":  # an XLSX date cell read as text
        text = text[:10]
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def canonical_headers(headers, columns, aliases):
    """Each header as the field name it stands for (unknown headers unchanged)."""
    result = []
    for header in headers:
        key = fold(header)
        if key.replace(" ", "_") in columns:
            result.append(key.replace(" ", "_"))
        else:
            result.append(aliases.get(key, aliases.get(key.replace(" ", "_"), header)))
    return result


class TermLookup:
    """Terms of a vocabulary snippet in one language by slug, folded name and the
    extra ``keys`` given (e.g. a territory's INSEE/COG code). A key shared by
    several terms finds nothing but says so (``ambiguous``)."""

    def __init__(self, model, locale, keys=("slug", "name")):
        self.found = {}
        self.ambiguous = set()
        queryset = model.objects.filter(locale=locale).values_list("pk", *keys)
        for pk, *values in queryset:
            for value in values:
                key = fold(value)
                if not key:
                    continue
                if key in self.found and self.found[key] != pk:
                    self.ambiguous.add(key)
                self.found.setdefault(key, pk)

    def find(self, value):
        key = fold(value)
        if key in self.ambiguous:
            return None
        return self.found.get(key)

    def is_ambiguous(self, value):
        return fold(value) in self.ambiguous


class ChoiceLookup:
    """The value of a field's choices by its value or label, in any of the site's languages."""

    def __init__(self, choices):
        from django.conf import settings
        from django.utils import translation

        self.keys = {}
        for value, label in choices:
            self.keys[fold(value)] = value
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    self.keys.setdefault(fold(str(label)), value)

    def find(self, value):
        return self.keys.get(fold(value))
