"""What every public form that takes personal data adds to a Django form: a
honeypot, a rate limit per address, the consent checkbox with the current
statement, and a summary of errors.

Use it before ``forms.Form`` or ``forms.ModelForm``::

    class ProposalForm(PublicFormMixin, forms.Form):
        consent_purpose = "proposal"
        name = forms.CharField(label=_("Name"))

    form = ProposalForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        record = Proposal(name=form.cleaned_data["name"])
        form.apply_consent(record)
        record.save()

and render ``{% include "wagtail_reseau/privacy/form_errors.html" %}`` at the top
of the form and ``{% include "wagtail_reseau/privacy/form_guard.html" %}`` inside it
(honeypot and consent)."""

import functools

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ...conf import reseau_settings
from .consent import current_consent

HONEYPOT_FIELD = "website"


def client_address(request):
    """The visitor's address, for the rate limit. Behind a proxy, set
    ``WAGTAIL_RESEAU_CLIENT_IP_HEADER`` to the header the proxy fills
    (e.g. ``"HTTP_X_FORWARDED_FOR"``): its first address is used."""
    if request is None:
        return ""
    header = reseau_settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _clean_without_overflow(field, value):
    try:
        return field._clean_without_overflow(value)
    except OverflowError:
        shown = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value
        raise forms.ValidationError(
            field.error_messages["invalid_choice"], code="invalid_choice", params={"value": shown}
        ) from None


class PublicFormMixin:
    #: The consent statement's purpose ("registration", "proposal"...).
    consent_purpose = "registration"
    #: Submissions one address may make per window, and the window in seconds
    #: (defaults: settings ``WAGTAIL_RESEAU_FORM_RATE_LIMIT`` and ``..._WINDOW``).
    rate_limit = None
    rate_limit_window = None

    def __init__(self, *args, request=None, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.is_spam = False
        self.rate_limited = False
        self.consent_statement = current_consent(self.consent_purpose, locale)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["consent"] = forms.BooleanField(
            label=self.consent_statement.text,
            required=True,
            error_messages={"required": _("Please agree to the statement on personal data to send this form.")},
        )

    def full_clean(self):
        # An id over 64 bits (``organisation=9223372036854775808``) makes SQLite raise
        # OverflowError in a model choice's lookup (a 5xx): refused like any unknown choice.
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and not hasattr(field, "_clean_without_overflow"):
                field._clean_without_overflow = field.clean
                field.clean = functools.partial(_clean_without_overflow, field)
        super().full_clean()

    def clean(self):
        cleaned = super().clean()
        if (self.data.get(self.add_prefix(HONEYPOT_FIELD)) or "").strip():
            self.is_spam = True
            raise forms.ValidationError(_("This form could not be sent. Please try again."), code="spam")
        if self.is_bound and self.request is not None and not self.check_rate_limit():
            self.rate_limited = True
            raise forms.ValidationError(
                _("Too many forms were sent from your connection. Please try again in a few minutes."),
                code="rate_limited",
            )
        return cleaned

    def check_rate_limit(self):
        """Counts this submission for the visitor's address; False when over the limit."""
        limit = self.rate_limit or reseau_settings.FORM_RATE_LIMIT
        window = self.rate_limit_window or reseau_settings.FORM_RATE_LIMIT_WINDOW
        if not limit:
            return True
        key = f"reseau-privacy-rate:{self.consent_purpose}:{client_address(self.request)}"
        if cache.add(key, 1, timeout=window):
            return True
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)
            return True
        return count <= limit

    def apply_consent(self, record):
        """Stores on ``record`` (a PersonalDataRecord) the statement shown and agreed to."""
        record.record_consent(self.consent_statement)
        return record

    def error_summary(self):
        """[(field id or "", message)] for the summary at the top of the form."""
        summary = [("", message) for message in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS or name not in self.fields:
                continue
            field = self[name]
            for message in errors:
                if name != "consent":
                    # Translators: a field's label and its error, in a form's error summary.
                    message = gettext("%(label)s: %(message)s") % {"label": field.label, "message": message}
                summary.append((field.auto_id, message))
        return summary

    def describe_fields(self):
        """Ties each widget to its help text and errors (aria-describedby, aria-invalid),
        the ids ``wagtail_reseau/privacy/field.html`` gives them."""
        errors = self.errors if self.is_bound else {}
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = [f"{auto_id}-help"] if field.help_text else []
            if name in errors:
                ids.append(f"{auto_id}-errors")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def visible_public_fields(self):
        """The fields a template renders in order, without the honeypot and consent."""
        self.describe_fields()
        return [self[name] for name in self.fields if name not in (HONEYPOT_FIELD, "consent")]

    def errors_as_dict(self):
        """{field: [messages]} for a JSON answer ("__all__" for the form's own errors)."""
        return {name: [str(message) for message in errors] for name, errors in self.errors.items()}
