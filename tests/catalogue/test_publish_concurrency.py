"""Publishing on SQLite while another connection writes (issue 10, defect 2).

Each test runs on a file database (a copy of the migrated in-memory test
database), so that a second connection really competes for SQLite's write lock,
as a second request of the demo's server (the editor's autosave) does."""

import sqlite3
import threading

import pytest
from django.db import OperationalError, connection
from wagtail.models import Page

from wagtail_reseau import models as m
from wagtail_reseau.catalogue.engines import get_engine
from wagtail_reseau.catalogue.indexing import backlog_size, replay_backlog, updates
from wagtail_reseau.models import CatalogueBacklog, CatalogueEntry

from tests.conftest import publish

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking"),
]


@pytest.fixture(params=["django-defaults", "example-site"])
def file_database(request, tmp_path):
    """Points the default connection at a file copy of the test database for the
    test, then back at the in-memory one (which the test's teardown flushes).
    With Django's defaults (deferred transactions, a rollback journal, a 5 s
    busy timeout), which a host may keep, and with the example site's options."""
    from example_site.settings.base import SQLITE_OPTIONS

    connection.ensure_connection()
    path = tmp_path / "db.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    saved = connection.connection, connection.settings_dict["NAME"], connection.settings_dict["OPTIONS"]
    connection.connection = None
    connection.settings_dict["NAME"] = str(path)
    connection.settings_dict["OPTIONS"] = SQLITE_OPTIONS if request.param == "example-site" else {}
    try:
        yield path
    finally:
        connection.close()
        connection.connection, connection.settings_dict["NAME"], connection.settings_dict["OPTIONS"] = saved


class Writer(threading.Thread):
    """Another connection that takes the write lock, writes the page's row (as
    the autosave of the edit form does) and holds the lock ``seconds``."""

    def __init__(self, path, page_id, seconds=1.0):
        super().__init__(daemon=True)
        self.path, self.page_id, self.seconds = path, page_id, seconds
        self.holding = threading.Event()
        self.error = None

    def run(self):
        try:
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            db.execute("UPDATE wagtailcore_page SET draft_title = draft_title WHERE id = ?", [self.page_id])
            self.holding.set()
            threading.Event().wait(self.seconds)
            db.execute("COMMIT")
            db.close()
        except Exception as error:  # reported by the test
            self.error = error
            self.holding.set()


@pytest.fixture
def practice(file_database, home):
    practices = publish(home, m.GoodPracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques"))
    page = m.GoodPracticePage(title="Jardin partagé", slug="jardin", live=False)
    practices.add_child(instance=page)
    return page


def write_during_indexing(monkeypatch, path, page):
    """Another connection takes the write lock once the publish has committed and
    the catalogue is about to write the page's document."""
    writer = Writer(path, page.pk)
    build_documents = updates.build_documents

    def build_then_compete(pages):
        built = build_documents(pages)
        if not writer.is_alive() and not writer.holding.is_set():
            writer.start()
            writer.holding.wait(10)
        return built

    monkeypatch.setattr(updates, "build_documents", build_then_compete)
    return writer


def indexed(page):
    return CatalogueEntry.objects.filter(page_id=page.pk).exists()


def test_publish_while_another_connection_writes_leaves_the_page_live_and_indexed(monkeypatch, file_database, practice):
    writer = write_during_indexing(monkeypatch, file_database, practice)

    practice.save_revision().publish()

    writer.join(10)
    assert writer.error is None
    assert writer.holding.is_set(), "the other connection never wrote"
    assert Page.objects.get(pk=practice.pk).live
    engine = get_engine("database")
    if not indexed(practice):  # the write may wait in the backlog, replayed afterwards
        assert backlog_size(engine) == 1
        replay_backlog(engine)
    assert indexed(practice)
    assert backlog_size(engine) == 0


def test_a_locked_database_during_indexing_goes_to_the_backlog_not_to_the_publish(monkeypatch, file_database, practice):
    """Even when the index cannot be written at all, the publish stands and the
    page waits in the backlog."""
    from wagtail_reseau.catalogue.engines.database import writer

    def locked(documents):
        raise OperationalError("database is locked")

    monkeypatch.setattr(writer, "index_documents", locked)

    practice.save_revision().publish()

    assert Page.objects.get(pk=practice.pk).live
    assert not indexed(practice)
    assert list(CatalogueBacklog.objects.values_list("key", flat=True)) == [f"local:page:{practice.pk}"]
    monkeypatch.undo()
    replay_backlog(get_engine("database"))
    assert indexed(practice)


def test_a_failing_backlog_replay_does_not_break_the_publish(monkeypatch, file_database, practice):
    """After a successful write the backlog is replayed; its failure is logged,
    never raised into the request that published."""
    from wagtail_reseau.catalogue.indexing import backlog

    CatalogueBacklog.objects.create(engine="database", key="local:page:999999")

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(backlog, "build_documents", locked)

    practice.save_revision().publish()

    assert Page.objects.get(pk=practice.pk).live
    assert indexed(practice)
