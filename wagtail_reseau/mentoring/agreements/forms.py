"""The public forms: answer an offer or a request, post a new request, and a
side's closing report. They follow the privacy core (``PublicFormMixin``:
honeypot, rate limit, versioned consent, error summary)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ...core.privacy.forms import PublicFormMixin
from ...taxonomy.forms import _in_tree_order
from .models import MentoringSubmission, SubmissionKind


def terms_field(model, locale, label, vocabulary):
    """The searchable term chooser (hundreds of terms), or a plain multiple select."""
    queryset = model.objects.filter(locale=locale) if locale is not None else model.objects.all()
    try:
        from ...taxonomy.chooser.widgets import TermChoiceField
    except ImportError:  # pragma: no cover - the chooser ships with the plugin
        field = forms.ModelMultipleChoiceField(queryset=_in_tree_order(queryset), required=False, label=label)
        field.label_from_instance = lambda term: term.path_label
        return field
    return TermChoiceField(
        vocabulary,
        language_code=locale.language_code if locale else None,
        queryset=queryset,
        required=False,
        label=label,
    )


class SubmissionForm(PublicFormMixin, forms.ModelForm):
    """An answer to an offer or a request (``kind="answer"``), or a new request
    (``kind="request"``: a subject, domains and the organisation are asked)."""

    consent_purpose = "mentoring"

    class Meta:
        model = MentoringSubmission
        fields = [
            "organisation",
            "organisation_name",
            "title",
            "message",
            "domains",
            "territory",
            "mentoring_format",
            "availability",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        labels = {
            "organisation": _("Your organisation in the directory"),
            "organisation_name": _("Your organisation, if not listed"),
            "title": _("Subject of your request"),
            "message": _("Your message"),
            "contact_name": _("Your name"),
            "contact_email": _("Your e-mail address"),
            "contact_phone": _("Your phone number"),
        }
        help_texts = {
            "contact_email": _("Never published: the federation's staff will write to you."),
            "availability": _("E.g. two half-days a month, from September."),
        }

    def __init__(self, *args, kind=SubmissionKind.ANSWER, locale=None, **kwargs):
        super().__init__(*args, locale=locale, **kwargs)
        from ...directory.models import OrganisationPage
        from ...taxonomy.models import DomainOfAction, Territory

        self.kind = kind
        organisations = OrganisationPage.objects.live().public().order_by("title")
        if locale is not None:
            organisations = organisations.filter(locale=locale)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = _("Not listed")
        self.fields["domains"] = terms_field(DomainOfAction, locale, _("Domains of action"), "domain")
        self.fields["territory"] = terms_field(Territory, locale, _("Territory"), "territory")
        self.fields["contact_name"].required = True
        self.fields["contact_email"].required = True
        if kind == SubmissionKind.ANSWER:
            del self.fields["title"]
        else:
            self.fields["title"].required = True
            self.fields["message"].label = _("What you need")
        order = [name for name in self.Meta.fields if name in self.fields]
        self.order_fields(order)

    def clean_territory(self):
        terms = list(self.cleaned_data.get("territory") or [])
        if len(terms) > 1:
            raise forms.ValidationError(_("Choose one territory."), code="one_territory")
        return terms[0] if terms else None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not (cleaned.get("organisation_name") or "").strip():
            self.add_error("organisation_name", _("Choose your organisation in the list, or type its name."))
        return cleaned


class ClosingReportForm(forms.Form):
    """One side's closing report, sent through its private link."""

    report = forms.CharField(
        label=_("Your closing report"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What was done, what it changed for your organisation, what you would do differently."),
        max_length=10000,
    )
