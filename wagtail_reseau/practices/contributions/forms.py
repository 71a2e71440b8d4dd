"""The public forms: propose a practice, and "We did it too" (a reuse entry).
Both follow the privacy core's pattern (``PublicFormMixin``: honeypot, rate
limit, versioned consent, error summary)."""

import uuid

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from ...core.privacy.forms import PublicFormMixin
from ...taxonomy.forms import _in_tree_order
from ..models import Licence, default_licence
from .files import MultipleFileField, allowed_extensions, human_size
from .models import Reuse

MAX_LINKS = 10


def terms_field(model, locale, label, vocabulary=None, help_text=""):
    """A multiple choice of a vocabulary's terms in ``locale``: the searchable term
    chooser (``taxonomy.chooser``) for the large trees (domains, territories: up
    to thousands of communes), a plain multiple select for a short list."""
    queryset = model.objects.filter(locale=locale)
    if vocabulary is not None:
        try:
            from ...taxonomy.chooser.widgets import TermChoiceField
        except ImportError:
            pass
        else:
            return TermChoiceField(
                vocabulary,
                language_code=locale.language_code if locale else None,
                queryset=queryset,
                required=False,
                label=label,
                help_text=help_text,
            )
    if hasattr(model, "path_label"):
        queryset = _in_tree_order(queryset)
    field = forms.ModelMultipleChoiceField(
        queryset=queryset,
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    if hasattr(model, "path_label"):
        field.label_from_instance = lambda term: term.path_label
    return field


def organisations_in(locale):
    from ...directory.models import OrganisationPage

    return OrganisationPage.objects.live().public().filter(locale=locale).order_by("title")


class LinksField(forms.CharField):
    """Addresses of resources online, one a line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value):
        value = super().clean(value)
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(
                _("Give at most %(count)d addresses."), code="too_many_links", params={"count": MAX_LINKS}
            )
        validate = URLValidator(schemes=["http", "https"])
        bad = []
        for line in lines:
            try:
                validate(line)
            except forms.ValidationError:
                bad.append(line)
        if bad:
            raise forms.ValidationError(
                _("These are not web addresses (starting with https://): %(lines)s"),
                code="bad_link",
                params={"lines": ", ".join(bad[:3])},
            )
        return "\n".join(lines)


class ProposalForm(PublicFormMixin, forms.Form):
    """A practice, in its What? Who? Why? How? sections, with its classification,
    resources, contact and licence. ``draft=True``: saved to resume later, only
    the e-mail address (to send the private link) and consent are required."""

    consent_purpose = "proposal"

    #: Set when the form is first shown: posting it twice finds the same proposal.
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    title = forms.CharField(label=_("Name of the practice"), max_length=255)
    summary = forms.CharField(
        label=_("In a few words"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown in lists: two or three sentences, 500 characters at most."),
    )
    what = forms.CharField(
        label=_("What?"), widget=forms.Textarea(attrs={"rows": 6}), help_text=_("What the practice is.")
    )
    who = forms.CharField(
        label=_("Who?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who carries it out and who takes part."),
    )
    why = forms.CharField(
        label=_("Why?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The need it answers, its aims."),
    )
    how = forms.CharField(
        label=_("How?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The steps, means and partners."),
    )
    results = forms.CharField(
        label=_("Results"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What came of it: figures, testimonies, changes."),
    )
    links = LinksField(
        label=_("Links to resources"),
        required=False,
        help_text=_("Web addresses of tools, videos or articles, one a line."),
    )
    files = MultipleFileField(label=_("Files"), required=False)
    organisation = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Your organisation in the directory"), empty_label=_("Not listed")
    )
    organisation_name = forms.CharField(
        label=_("Your organisation, if not listed"), max_length=255, required=False
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=255)
    contact_email = forms.EmailField(
        label=_("Your e-mail address"), help_text=_("Never published: we write to you about your proposal.")
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=Licence.choices,
        help_text=_("Under which terms others may reuse the practice sheet."),
    )

    def __init__(self, *args, locale=None, draft=False, **kwargs):
        super().__init__(*args, locale=locale, **kwargs)
        from ...taxonomy.models import Audience, DomainOfAction, Territory

        self.draft = draft
        self.fields["domains"] = terms_field(DomainOfAction, locale, _("Domains of action"), "domain")
        self.fields["territories"] = terms_field(Territory, locale, _("Territories"), "territory")
        self.fields["audiences"] = terms_field(Audience, locale, _("Audiences"))
        self.fields["organisation"].queryset = organisations_in(locale)
        self.fields["licence"].initial = default_licence()
        self.fields["files"].help_text = _("Accepted: %(types)s; %(size)s at most each, %(count)d files at most.") % {
            "types": ", ".join(allowed_extensions()),
            "size": human_size(self.limits()[0]),
            "count": self.limits()[1],
        }
        if not self.is_bound and not self.initial.get("submission_key"):
            self.initial["submission_key"] = uuid.uuid4().hex
        if draft:
            for name, field in self.fields.items():
                if name not in {"contact_email", "consent"}:
                    field.required = False
        # Where the fields are shown (the template's order): sections, then the rest.
        order = [
            "submission_key", "title", "summary", "what", "who", "why", "how", "domains", "territories",
            "audiences", "results", "links", "files", "organisation", "organisation_name", "contact_name",
            "contact_email", "licence",
        ]  # fmt: skip
        self.order_fields(order)

    @staticmethod
    def limits():
        from ...conf import reseau_settings

        return reseau_settings.PROPOSAL_MAX_FILE_SIZE, reseau_settings.PROPOSAL_MAX_FILES

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > self.limits()[1]:
            raise forms.ValidationError(
                _("Send at most %(count)d files."), code="too_many_files", params={"count": self.limits()[1]}
            )
        return files

    def section(self, *names):
        return [self[name] for name in names]

    def answers(self):
        """The cleaned answers as JSON (terms and organisation by id, no files)."""
        data = {}
        for name, value in self.cleaned_data.items():
            if name in {"files", "consent", "website"}:
                continue
            if hasattr(value, "all") or isinstance(value, (list, tuple)):
                data[name] = [item.pk for item in value]
            elif hasattr(value, "pk"):
                data[name] = value.pk
            else:
                data[name] = value
        return data


class ReuseForm(PublicFormMixin, forms.ModelForm):
    """ "We did it too": a reuse of a practice, moderated before it shows."""

    consent_purpose = "reuse"

    class Meta:
        model = Reuse
        fields = [
            "organisation",
            "organisation_name",
            "territory",
            "started_on",
            "adaptation",
            "result",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "adaptation": forms.Textarea(attrs={"rows": 4}),
            "result": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "organisation": _("Your organisation in the directory"),
            "organisation_name": _("Your organisation, if not listed"),
            "started_on": _("Since when"),
            "adaptation": _("What you adapted"),
            "result": _("What came of it"),
            "contact_name": _("Your name"),
            "contact_email": _("Your e-mail address"),
        }
        help_texts = {
            "contact_email": _("Never published: the moderators may write to you."),
            "started_on": _("The day you started, or the first of the month."),
        }

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, locale=locale, **kwargs)
        from ...taxonomy.models import Territory

        self.fields["organisation"].queryset = organisations_in(locale)
        self.fields["organisation"].empty_label = _("Not listed")
        # The searchable chooser (thousands of communes), holding one term here.
        self.fields["territory"] = terms_field(Territory, locale, _("Territory"), "territory")
        self.fields["contact_name"].required = True
        self.fields["contact_email"].required = True
        self.fields["adaptation"].required = True

    def clean_territory(self):
        terms = list(self.cleaned_data.get("territory") or [])
        if len(terms) > 1:
            raise forms.ValidationError(_("Choose one territory."), code="one_territory")
        return terms[0] if terms else None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not (cleaned.get("organisation_name") or "").strip():
            self.add_error(
                "organisation_name", _("Choose your organisation in the list, or type its name.")
            )
        return cleaned
