"""System checks: a misconfigured ``WAGTAIL_RESEAU_*`` setting is reported by
``manage.py check`` with a clear message instead of failing later at request time."""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

from .conf import DEFAULTS, PREFIX, reseau_settings

KNOWN_VOCABULARIES = set(DEFAULTS["VOCABULARIES"])


@register()
def check_reseau_settings(app_configs, **kwargs):
    errors = []
    for name in dir(settings):
        if name.startswith(PREFIX) and name[len(PREFIX):] not in DEFAULTS:
            errors.append(
                Warning(
                    f"{name} is not a wagtail-reseau setting and is ignored.",
                    hint="Known settings: " + ", ".join(PREFIX + key for key in DEFAULTS),
                    id="wagtail_reseau.W001",
                )
            )

    per_page = reseau_settings.ITEMS_PER_PAGE
    if not isinstance(per_page, int) or isinstance(per_page, bool) or not 1 <= per_page <= 200:
        errors.append(
            Error(
                f"{PREFIX}ITEMS_PER_PAGE must be a whole number from 1 to 200, not {per_page!r}.",
                id="wagtail_reseau.E001",
            )
        )

    order = reseau_settings.ADMIN_MENU_ORDER
    if not isinstance(order, int) or isinstance(order, bool):
        errors.append(
            Error(
                f"{PREFIX}ADMIN_MENU_ORDER must be a whole number, not {order!r}.",
                id="wagtail_reseau.E002",
            )
        )

    vocabularies = reseau_settings.VOCABULARIES
    if isinstance(vocabularies, str) or not hasattr(vocabularies, "__iter__"):
        errors.append(
            Error(
                f"{PREFIX}VOCABULARIES must be a list of names, not {vocabularies!r}.",
                hint="Choose among: " + ", ".join(sorted(KNOWN_VOCABULARIES)),
                id="wagtail_reseau.E003",
            )
        )
    else:
        unknown = [name for name in vocabularies if name not in KNOWN_VOCABULARIES]
        if unknown:
            errors.append(
                Error(
                    f"{PREFIX}VOCABULARIES names unknown vocabularies: {', '.join(map(str, unknown))}.",
                    hint="Choose among: " + ", ".join(sorted(KNOWN_VOCABULARIES)),
                    id="wagtail_reseau.E003",
                )
            )
    engine = reseau_settings.CATALOGUE_ENGINE
    if not _engine_importable(engine):
        errors.append(
            Error(
                f"{PREFIX}CATALOGUE_ENGINE must be \"database\", \"elasticsearch\" or the dotted path of a "
                f"CatalogueEngine subclass; {engine!r} cannot be imported.",
                hint='The Elasticsearch engine needs its extra: pip install "wagtail-reseau[elasticsearch]"'
                if engine == "elasticsearch"
                else None,
                id="wagtail_reseau.E004",
            )
        )
    if engine == "elasticsearch" or (isinstance(engine, str) and engine.endswith("ElasticsearchEngine")):
        errors += _check_elasticsearch()
    return errors


def _check_elasticsearch():
    """WAGTAIL_RESEAU_ELASTICSEARCH, when the Elasticsearch engine is in use."""
    from .conf import ELASTICSEARCH_DEFAULTS

    name = PREFIX + "ELASTICSEARCH"
    configured = getattr(settings, name, None) or {}
    if not isinstance(configured, dict):
        return [Error(f"{name} must be a dictionary, not {configured!r}.", id="wagtail_reseau.E005")]
    problems = []
    unknown = sorted(set(configured) - set(ELASTICSEARCH_DEFAULTS))
    if unknown:
        problems.append(
            Warning(
                f"{name} has unknown keys, ignored: {', '.join(map(str, unknown))}.",
                hint="Known keys: " + ", ".join(ELASTICSEARCH_DEFAULTS),
                id="wagtail_reseau.W002",
            )
        )
    config = reseau_settings.elasticsearch
    hosts = config["HOSTS"]
    if isinstance(hosts, str) or not isinstance(hosts, (list, tuple)) or not hosts or not all(
        isinstance(host, str) and host.startswith(("http://", "https://")) for host in hosts
    ):
        problems.append(
            Error(
                f"{name}[\"HOSTS\"] must be a list of node URLs such as \"https://es1.example.org:9200\", "
                f"not {hosts!r}.",
                id="wagtail_reseau.E005",
            )
        )
    if not isinstance(config["OPTIONS"], dict):
        problems.append(Error(f"{name}[\"OPTIONS\"] must be a dictionary.", id="wagtail_reseau.E005"))
    index = config["INDEX"]
    if not isinstance(index, str) or not index or index != index.lower() or any(c in index for c in ' "*\\<|,>/?#:'):
        problems.append(
            Error(
                f"{name}[\"INDEX\"] must be a lower-case index name without spaces or \\/*?\"<>|,#:, "
                f"not {index!r}.",
                id="wagtail_reseau.E005",
            )
        )
    for key in ("FACET_SIZE", "BULK_SIZE", "RETRY_AFTER"):
        value = config[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(
                Error(f"{name}[\"{key}\"] must be a positive whole number, not {value!r}.", id="wagtail_reseau.E005")
            )
    for key in ("SEARCH_TIMEOUT", "INDEX_TIMEOUT"):
        value = config[key]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            problems.append(
                Error(
                    f"{name}[\"{key}\"] must be a number of seconds above 0, not {value!r}.", id="wagtail_reseau.E005"
                )
            )
    if not isinstance(config["ANALYZERS"], dict):
        problems.append(
            Error(f"{name}[\"ANALYZERS\"] must map language codes to analyser types.", id="wagtail_reseau.E005")
        )
    return problems


def _engine_importable(name):
    from django.utils.module_loading import import_string

    from .catalogue.engines import ENGINES
    from .catalogue.engines.base import CatalogueEngine

    if not isinstance(name, str) or not name:
        return False
    try:
        engine_class = import_string(ENGINES.get(name, name))
    except (ImportError, ImproperlyConfigured):  # e.g. the engine's package is not installed
        return False
    return isinstance(engine_class, type) and issubclass(engine_class, CatalogueEngine)


# The host's layout (W003-W005) and page tree (W006): wagtail_reseau/core/host_checks.py.
from .core.host_checks import register_checks as _register_host_checks  # noqa: E402

_register_host_checks()

# The map settings (E030, E031): wagtail_reseau/directory/map_checks.py.
from .directory import map_checks as _map_checks  # noqa: E402, F401
