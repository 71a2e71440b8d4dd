"""``manage.py reseau_uninstall``: remove the package's content before its tables.

Deletes, in this order: every page of the package's page types (in every language,
with their subtrees), the rows of the package's other models (vocabularies, people,
catalogue index, and the data of its sub-apps), then the content types of those
models, which takes with them what Wagtail and wagtail-localize keep about them
(revisions, history, translation sources, references, search entries, permissions).
After it, ``migrate wagtail_reseau zero`` leaves no page pointing at a dropped table.
See docs/remove.md for the whole order. ``--dry-run`` only counts."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from wagtail.models import Page, Site


def package_app_configs():
    """The package's app and sub-apps (wagtail_reseau, wagtail_reseau.core.privacy...)."""
    return [
        config
        for config in apps.get_app_configs()
        if config.name == "wagtail_reseau" or config.name.startswith("wagtail_reseau.")
    ]


def package_models():
    return [model for config in package_app_configs() for model in config.get_models()]


def top_pages(page_models):
    """The package's pages that are not below another of them (deleting one deletes its subtree)."""
    content_types = ContentType.objects.get_for_models(*page_models, for_concrete_models=False).values()
    pages = list(Page.objects.filter(content_type__in=content_types).order_by("path"))
    tops = []
    for page in pages:
        if not tops or not page.path.startswith(tops[-1].path):
            tops.append(page)
    return tops


def _delete_all(model):
    """Delete a model's rows; a tree whose parents are protected, from the leaves up."""
    manager = model._default_manager
    parent = next(
        (field for field in model._meta.concrete_fields if field.name == "parent" and field.related_model is model),
        None,
    )
    if parent is not None:
        while manager.exists():
            parents = manager.filter(parent__isnull=False).values("parent")
            leaves = manager.exclude(pk__in=parents)
            if not leaves.delete()[0]:
                break
    manager.all().delete()


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = _(
            "Delete the pages, vocabularies and other content of wagtail-reseau, before "
            "'migrate wagtail_reseau zero' removes its tables (see the documentation: Remove)."
        )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=_("Only count what would be deleted."))
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=_("Do not ask for confirmation."),
        )
        parser.add_argument(
            "--delete-host-pages",
            action="store_true",
            help=_("Also delete the site's own pages placed below the package's pages (refused by default)."),
        )

    def handle(self, *args, dry_run=False, interactive=True, delete_host_pages=False, **options):
        models = package_models()
        page_models = [model for model in models if issubclass(model, Page)]
        other_models = [model for model in models if not issubclass(model, Page)]
        tops = top_pages(page_models)
        page_content_types = set(ContentType.objects.get_for_models(*page_models, for_concrete_models=False).values())

        roots = Site.objects.filter(root_page__in=[page for top in tops for page in [top, *top.get_descendants()]])
        if roots.exists():
            raise CommandError(
                _(
                    "These sites have a page of the package as their root: %(sites)s. Make another page their root "
                    "(Settings › Sites) first."
                )
                % {"sites": ", ".join(str(site) for site in roots)}
            )
        host_pages = [
            page for top in tops for page in top.get_descendants().exclude(content_type__in=page_content_types)
        ]
        if host_pages and not delete_host_pages:
            raise CommandError(
                _(
                    "These pages of the site are below pages of the package and would be deleted with them: "
                    "%(pages)s. Move them, or run again with --delete-host-pages."
                )
                % {"pages": ", ".join(f"“{page.title}” ({page.url_path})" for page in host_pages[:20])}
            )

        page_count = sum(1 + top.get_descendants().count() for top in tops)
        rows = {model: model._default_manager.count() for model in other_models}
        self.stdout.write(_("Pages to delete (every language, with their subtrees): %(count)d") % {"count": page_count})
        for top in tops:
            self.stdout.write(f"  {top.url_path} ({top.locale.language_code})")
        for model, count in rows.items():
            if count:
                self.stdout.write(f"{model._meta.label}: {count}")
        if dry_run:
            self.stdout.write(_("Dry run: nothing was deleted."))
            return
        if interactive:
            answer = input(_("Delete all of this? Type 'yes' to continue: "))
            if answer.strip().lower() != "yes":
                raise CommandError(_("Nothing was deleted."))

        with transaction.atomic():
            for top in tops:
                Page.objects.get(pk=top.pk).delete()  # a fresh copy: its tree fields are up to date
            self._delete_rows(other_models)
            content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
            ContentType.objects.filter(pk__in=[content_type.pk for content_type in content_types]).delete()
        ContentType.objects.clear_cache()
        self.stdout.write(
            self.style.SUCCESS(
                _("Done. Now run: python manage.py migrate wagtail_reseau zero (see the documentation: Remove).")
            )
        )

    def _delete_rows(self, models):
        """Delete every row of ``models``, retrying those another one protects."""
        remaining = list(models)
        for _attempt in range(len(models) + 1):
            blocked = []
            for model in remaining:
                try:
                    with transaction.atomic():
                        _delete_all(model)
                except ProtectedError:
                    blocked.append(model)
            if not blocked:
                return
            remaining = blocked
        raise CommandError(
            _("Could not delete: %(models)s.") % {"models": ", ".join(model._meta.label for model in remaining)}
        )
