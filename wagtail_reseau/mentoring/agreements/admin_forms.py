"""The agreement's edit form: a change of status follows the lifecycle
(``Agreement.move_to``), out of order it is refused with a clear message."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Agreement, TransitionNotAllowed


class AgreementAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("status")
        if self.instance.pk and target and "status" in self.changed_data:
            current = Agreement.objects.filter(pk=self.instance.pk).values_list("status", flat=True).first()
            probe = Agreement(status=current)
            try:
                probe.move_to(target, save=False)
            except TransitionNotAllowed as error:
                self.add_error("status", forms.ValidationError(str(error), code="transition"))
        return cleaned

    def save(self, commit=True):
        agreement = super().save(commit=False)
        if "status" in self.changed_data:
            from .models import STATUS_DATES

            field = STATUS_DATES.get(agreement.status)
            if field and getattr(agreement, field) is None:
                from django.utils import timezone

                setattr(agreement, field, timezone.localdate())
        if commit:
            agreement.save()
            self._save_m2m()
        return agreement
