"""Every ``WAGTAIL_RESEAU_*`` setting with its default, read in one place.

Use ``from wagtail_reseau.conf import reseau_settings`` and read attributes
without the prefix: ``reseau_settings.ITEMS_PER_PAGE``. Values are read from
``django.conf.settings`` at access time, so ``override_settings`` works in tests.
"""

from django.conf import settings

PREFIX = "WAGTAIL_RESEAU_"

DEFAULTS = {
    # How many children an index page (directory, forums, news...) lists per page.
    "ITEMS_PER_PAGE": 12,
    # Position of the "Network" menu group in the Wagtail admin sidebar.
    "ADMIN_MENU_ORDER": 250,
    # Vocabulary snippets registered in the admin. A site may switch some off
    # (e.g. one that manages people elsewhere) by listing only those it wants.
    "VOCABULARIES": (
        "domain",
        "territory",
        "audience",
        "organisation_type",
        "person",
    ),
    # The catalogue's search engine: "database" (embedded, the default),
    # "elasticsearch", or the dotted path of a CatalogueEngine subclass.
    "CATALOGUE_ENGINE": "database",
    # The Elasticsearch engine's connection and index (used when CATALOGUE_ENGINE
    # is "elasticsearch"). A site sets only the keys it changes; see
    # ELASTICSEARCH_DEFAULTS below and docs/elasticsearch.md.
    "ELASTICSEARCH": {},
    # Licence offered by default to a newly written good practice.
    "DEFAULT_PRACTICE_LICENCE": "CC-BY-SA-4.0",
    # Spreadsheet import of organisations (docs/import.md): the largest file
    # accepted (bytes) and the most rows imported at once.
    "IMPORT_MAX_FILE_SIZE": 10 * 1024 * 1024,
    "IMPORT_MAX_ROWS": 20000,
    # Open-data exports (docs/opendata.md): the licence under which the federation
    # publishes its directory (an SPDX-like identifier, e.g. "etalab-2.0",
    # "ODbL-1.0", "CC-BY-4.0"), and the producer identifier written in each
    # data·inclusion row's "source" (empty: the default site's hostname).
    "OPENDATA_LICENCE": "etalab-2.0",
    "OPENDATA_SOURCE": "",
    # Maps (docs/map.md): the tile server's URL template and its attribution
    # (HTML, shown on every map), the highest zoom it serves, and how many
    # located documents one ``?format=geojson`` answer holds at most.
    "MAP_TILES_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "MAP_TILES_ATTRIBUTION": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    "MAP_MAX_ZOOM": 19,
    "MAP_MAX_FEATURES": 5000,
    # Dotted path of a callable ``geocode(address) -> (latitude, longitude) | None``
    # that the organisation editor's "find the address" button calls; None: no button.
    "GEOCODER": None,
    # Calendar files (.ics) of forums and training sessions: how many hours before
    # the start their reminder (VALARM) rings; 0 or None for no reminder.
    "CALENDAR_REMINDER_HOURS": 24,
    # The organiser's e-mail address in calendar files when the organising
    # structure has none ("" for DEFAULT_FROM_EMAIL).
    "CALENDAR_ORGANISER_EMAIL": "",
    # Public forms taking personal data (core/privacy, docs/privacy.md): how many
    # submissions one address may send per window (seconds); 0 switches the limit off.
    "FORM_RATE_LIMIT": 10,
    "FORM_RATE_LIMIT_WINDOW": 3600,
    # The request.META key holding the visitor's address behind a proxy
    # (e.g. "HTTP_X_FORWARDED_FOR"); empty: REMOTE_ADDR.
    "CLIENT_IP_HEADER": "",
    # Registrations (docs/registrations.md): months after the event their names and
    # contacts are erased; confirm the address by a signed link before a registration
    # counts; days before the event the reminder goes (reseau_send_reminders).
    "REGISTRATION_RETENTION_MONTHS": 12,
    "REGISTRATION_DOUBLE_OPT_IN": True,
    "REGISTRATION_REMINDER_DAYS": 2,
    # Practice proposals and the reuse log (docs/proposals.md): the files a proposal
    # may carry (extensions, checked by content too), their size in bytes and number;
    # where they wait, outside public media, until the practice is published (an
    # absolute path; None: a "reseau-private" folder beside MEDIA_ROOT); the group
    # e-mailed when a practice list has no workflow; days a private "resume" link
    # lasts; months before a proposal's or a reuse entry's personal data is erased.
    "PROPOSAL_FILE_TYPES": ("pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "png", "jpg", "jpeg"),
    "PROPOSAL_MAX_FILE_SIZE": 10 * 1024 * 1024,
    "PROPOSAL_MAX_FILES": 5,
    "PROPOSAL_PRIVATE_DIR": None,
    "PROPOSAL_MODERATORS_GROUP": "Moderators",
    "PROPOSAL_LINK_DAYS": 60,
    "PROPOSAL_RETENTION_MONTHS": 24,
    # The Wagtail collection the files of a published proposal become documents in:
    # None (a collection named "Member proposals", in the site's language, made under
    # the root on first use), a collection's name (made on first use) or its id.
    "PROPOSAL_COLLECTION": None,
    "REUSE_RETENTION_MONTHS": 36,
    # Comments on news and forum reports (docs/comments.md): months before a
    # comment's name and e-mail address are erased (the text stays); the group
    # e-mailed when a comment waits for moderation ("" or None: nobody).
    "COMMENT_RETENTION_MONTHS": 24,
    "COMMENT_MODERATORS_GROUP": "Moderators",
    # Mentoring in operation (docs/mentoring.md): days a closing-report link is
    # valid, and months before the contacts of answers, requests and agreements
    # are erased.
    "MENTORING_LINK_DAYS": 365,
    "MENTORING_RETENTION_MONTHS": 24,
    "MENTORING_AGREEMENT_RETENTION_MONTHS": 36,
}


ELASTICSEARCH_DEFAULTS = {
    # Where the cluster answers: a list of node URLs (https://... for TLS).
    "HOSTS": ["http://localhost:9200"],
    # Extra keyword arguments for elasticsearch.Elasticsearch(): credentials and
    # TLS, e.g. {"api_key": "...", "ca_certs": "/etc/ssl/es-ca.pem"} or
    # {"basic_auth": ("user", "password"), "verify_certs": True}.
    "OPTIONS": {},
    # The alias the catalogue reads and writes; each rebuild loads a new index
    # named "<INDEX>-<timestamp>" and moves the alias to it in one step.
    "INDEX": "wagtail_reseau_catalogue",
    # Settings of each new index (shards, replicas...).
    "INDEX_SETTINGS": {"number_of_shards": 1, "number_of_replicas": 1},
    # Analyser (an Elasticsearch analyser type) by language code; other
    # languages use "standard".
    "ANALYZERS": {
        "fr": "french",
        "en": "english",
        "es": "spanish",
        "nl": "dutch",
        "de": "german",
        "it": "italian",
        "pt": "portuguese",
    },
    # How many values of each facet one request brings back (selected values are
    # always added, even beyond this).
    "FACET_SIZE": 100,
    # Seconds a visitor's search may take before the catalogue answers from the
    # database instead; seconds an index write may take.
    "SEARCH_TIMEOUT": 2.0,
    "INDEX_TIMEOUT": 30.0,
    # After the cluster failed to answer, seconds during which searches go straight
    # to the database and writes straight to the backlog (nobody waits for a
    # timeout again), before the cluster is tried anew.
    "RETRY_AFTER": 30,
    # Refresh after each publish ("wait_for": the page is findable when the
    # editor's request returns; False: within the index's refresh interval).
    "REFRESH": "wait_for",
    # Documents per bulk request (rebuilds, and large reindexing batches).
    "BULK_SIZE": 500,
}


class ReseauSettings:
    """Attribute access to the package settings, with their defaults."""

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown wagtail-reseau setting: {name}")
        return getattr(settings, PREFIX + name, DEFAULTS[name])

    def __dir__(self):
        return list(DEFAULTS)

    @property
    def elasticsearch(self):
        """ELASTICSEARCH merged over its defaults."""
        configured = getattr(settings, PREFIX + "ELASTICSEARCH", None) or {}
        return {**ELASTICSEARCH_DEFAULTS, **configured}


reseau_settings = ReseauSettings()
