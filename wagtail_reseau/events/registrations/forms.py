"""The registration form of one event (or of a capsule's sessions): the fixed
fields, the accessibility services the event offers, the editor's questions,
and the privacy core's honeypot, rate limit and consent."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...core.privacy.forms import PublicFormMixin
from .models import QuestionKind, Registration

ORGANISATION_OTHER = ""


def organisation_choices(locale=None):
    from ...directory.models import OrganisationPage

    pages = OrganisationPage.objects.live().public()
    if locale is not None:
        pages = pages.filter(locale=locale)
    return [(ORGANISATION_OTHER, _("Not in the list (type it below)"))] + [
        (str(pk), title) for pk, title in pages.order_by("title").values_list("pk", "title")
    ]


def audience_choices(locale=None):
    from ...taxonomy.models import Audience

    audiences = Audience.objects.all()
    if locale is not None:
        audiences = audiences.filter(locale=locale)
    return [("", _("Choose…"))] + [(str(pk), name) for pk, name in audiences.values_list("pk", "name")]


def question_field(question):
    common = {"label": question.label, "required": question.required, "help_text": question.help_text}
    if question.kind == QuestionKind.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, **common)
    if question.kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect, **common)
    if question.kind == QuestionKind.CHOICE:
        return forms.ChoiceField(choices=[("", _("Choose…"))] + [(c, c) for c in question.choice_list()], **common)
    return forms.CharField(max_length=500, **common)


class RegistrationForm(PublicFormMixin, forms.Form):
    """``targets``: the events one may register for from this page (one for a
    forum; a capsule's open sessions, then a ``session`` choice)."""

    consent_purpose = "registration"

    name = forms.CharField(label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("Your confirmation and your private link are sent there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    organisation_name = forms.CharField(
        label=_("Organisation, if not in the list"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    audience = forms.ChoiceField(label=_("You come as"), required=False)
    accessibility_needs = forms.MultipleChoiceField(
        label=_("Accessibility needs"), required=False, widget=forms.CheckboxSelectMultiple
    )
    accessibility_details = forms.CharField(
        label=_("Other needs or details"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, targets, page, **kwargs):
        locale = getattr(page, "locale", None)
        super().__init__(*args, locale=locale, **kwargs)
        self.targets = list(targets)
        self.page = page
        if len(self.targets) > 1 or (self.targets and self.targets[0].is_session):
            self.fields["session"] = forms.ChoiceField(
                label=_("Session"),
                choices=[(str(t.obj.pk), session_label(t)) for t in self.targets],
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the sessions open for registration.")},
            )
            self.order_fields(["session"])
        self.fields["organisation"].choices = organisation_choices(locale)
        self.fields["audience"].choices = audience_choices(locale)
        needs = self.targets[0].accessibility_choices() if self.targets else []
        if needs:
            self.fields["accessibility_needs"].choices = needs
        else:
            del self.fields["accessibility_needs"]
        self.questions = list(page.registration_questions.all()) if hasattr(page, "registration_questions") else []
        for question in self.questions:
            self.fields[question.field_name] = question_field(question)
        # The privacy core's fields (honeypot, consent) last.
        self.order_fields([n for n in self.fields if n not in ("website", "consent")] + ["website", "consent"])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation") and cleaned.get("organisation_name"):
            cleaned["organisation_name"] = ""
        return cleaned

    def target(self):
        """The event chosen (the forum, or the session picked)."""
        if "session" not in self.fields:
            return self.targets[0]
        chosen = self.cleaned_data.get("session")
        return next((t for t in self.targets if str(t.obj.pk) == chosen), None)

    def build_registration(self, language):
        """An unsaved Registration from the valid form, its consent recorded."""
        from ...directory.models import OrganisationPage
        from ...taxonomy.models import Audience

        data = self.cleaned_data
        registration = Registration(
            name=data["name"],
            email=data["email"],
            organisation=OrganisationPage.objects.filter(pk=data.get("organisation") or None).first(),
            organisation_name=data.get("organisation_name", ""),
            audience=Audience.objects.filter(pk=data.get("audience") or None).first(),
            accessibility_needs=list(data.get("accessibility_needs") or []),
            accessibility_details=data.get("accessibility_details", ""),
            answers={
                q.label: data.get(q.field_name) for q in self.questions if data.get(q.field_name) not in ("", None)
            },
            language=language,
            created_at=timezone.now(),
        )
        self.apply_consent(registration)
        return registration


def session_label(target):
    from django.utils.formats import date_format

    start = date_format(timezone.localtime(target.start), "DATETIME_FORMAT")
    return f"{start} – {target.place}" if target.place else start
