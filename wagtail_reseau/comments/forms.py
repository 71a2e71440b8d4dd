"""The public comment form (on the privacy core: honeypot, rate limit, consent)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..core.privacy.forms import PublicFormMixin
from .models import Comment, CommentStatus

#: The name of the submit button: a POST to a page carrying it is a comment.
SUBMIT_NAME = "reseau_comment"
PREFIX = "comment"


class CommentForm(PublicFormMixin, forms.ModelForm):
    consent_purpose = "comment"

    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["author_name", "email", "body"]
        labels = {"author_name": _("Name"), "email": _("E-mail address"), "body": _("Your comment")}
        help_texts = {"email": _("It will not be published.")}
        widgets = {
            "author_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "body": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, page=None, **kwargs):
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["author_name"].required = True
        self.fields["author_name"].error_messages["required"] = _("Please give your name.")
        self.fields["email"].required = True
        self.fields["email"].error_messages["required"] = _("Please give your e-mail address.")
        self.fields["body"].error_messages["required"] = _("Please write your comment.")

    def clean_parent(self):
        """The comment replied to: an approved one of this page. A reply to a reply
        answers its parent (one level of threading)."""
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        if self.page is None or not (0 < parent_id < 2**63):
            raise forms.ValidationError(_("The comment you reply to cannot be found."))
        parent = (
            Comment.objects.filter(pk=parent_id, page=self.page, status=CommentStatus.APPROVED)
            .select_related("parent")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(_("The comment you reply to cannot be found."))
        return parent.parent or parent

    def clean_body(self):
        body = (self.cleaned_data.get("body") or "").strip()
        if not body:
            raise forms.ValidationError(_("Please write your comment."))
        return body

    def clean_author_name(self):
        return (self.cleaned_data.get("author_name") or "").strip()
