"""The database engine's index tables and the backlog of an engine that could
not be reached. Every engine indexes the same documents (see ``documents``)."""

from django.db import models


class CatalogueEntry(models.Model):
    """One catalogue document (a page, for now), as the database engine indexes it.

    The full-text index sits beside this table, created by the initial migration:
    an FTS5 table on SQLite, ``search_vector`` and ``stems_vector`` columns on
    PostgreSQL (see ``engines/database/full_text.py``)."""

    #: The document's key, unique: its origin and identity ("local:page:42").
    key = models.CharField(max_length=255, unique=True)
    origin = models.CharField(max_length=100, default="local")
    #: The local page the document comes from (none for another origin's document).
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    content_type_key = models.CharField(max_length=40)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=2000)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)
    date = models.DateField(null=True)
    event_last = models.DateTimeField(null=True)
    #: The page's tree path, for catalogues that search one site.
    path = models.CharField(max_length=255, blank=True)
    #: How many times the document was reused elsewhere: the "most reused" sort.
    reuse_count = models.PositiveIntegerField(default=0)
    #: Where the document shows on a map (WGS 84), both or neither.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["locale", "path"]),
            models.Index(fields=["locale", "content_type_key"]),
            models.Index(fields=["locale", "date"]),
            models.Index(fields=["locale", "title"]),
        ]

    def __str__(self):
        return self.title


class CatalogueFacetValue(models.Model):
    """A facet value of an entry (ancestors of hierarchical values included)."""

    entry = models.ForeignKey(CatalogueEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=30)
    value = models.CharField(max_length=120)
    label = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "value"], name="wagtail_reseau_unique_facet_value"),
        ]
        indexes = [models.Index(fields=["facet", "value", "entry"])]

    def __str__(self):
        return f"{self.facet}={self.value}"


class CatalogueBacklog(models.Model):
    """A document an engine missed while it could not be reached. Its current
    state is written to that engine as soon as it answers again, so nothing
    published during an outage is lost (the key only: the page is the truth)."""

    engine = models.CharField(max_length=40)
    # A key, not a foreign key: a page deleted during the outage must still leave the index.
    key = models.CharField(max_length=255)
    queued_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["engine", "key"], name="wagtail_reseau_unique_backlog_key"),
        ]

    def __str__(self):
        return f"{self.engine}: {self.key}"
