"""How long each kind of personal data is kept, and its erasure.

Each model holding personal data registers itself once (in its app's
``ready()`` or models module)::

    register_retention(Registration, "REGISTRATION_RETENTION_MONTHS", default_months=12)

The number of months is read from ``settings.WAGTAIL_RESEAU_<setting_key>`` when
set, else ``default_months``. ``reseau_purge_personal_data`` (schedule it daily)
erases every record whose retention clock started more than that many months
ago; a record stays, without its personal fields, so counts remain."""

import calendar
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Retention:
    model: type
    setting_key: str
    default_months: int

    @property
    def months(self):
        return int(getattr(settings, "WAGTAIL_RESEAU_" + self.setting_key, None) or self.default_months)

    def cutoff(self, now=None):
        return months_before(now or timezone.now(), self.months)

    def expired(self, now=None):
        """Records past their retention period and not yet erased."""
        model = self.model
        return model._default_manager.filter(model.retention_filter(self.cutoff(now)), erased_at__isnull=True)

    def purge(self, now=None):
        """Erases the expired records; returns how many."""
        return self.model.erase_queryset(self.expired(now))


_registry = {}


def register_retention(model, setting_key, default_months):
    """Declares ``model`` (a ``PersonalDataRecord``) to the purge command."""
    _registry[model._meta.label_lower] = Retention(model, setting_key, default_months)
    return model


def registered_retentions():
    return list(_registry.values())


def months_before(moment, months):
    """``moment`` minus a number of calendar months (the last day of a shorter month)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def purge_personal_data(dry_run=False, now=None):
    """Erases every registered model's expired records. Returns a list of
    (model label, months, number erased or to erase, records kept in total)."""
    report = []
    for retention in registered_retentions():
        expired = retention.expired(now)
        count = expired.count() if dry_run else retention.purge(now)
        total = retention.model._default_manager.count()
        report.append((retention.model._meta.label, retention.months, count, total))
    return report
