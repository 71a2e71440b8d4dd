"""Comments (personal data: the author's name and e-mail address, erased after
the retention period), the addresses an editor trusts, and the pages whose
comments are closed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..core.privacy.models import PersonalDataRecord
from ..core.privacy.moderation import ModerationStatus

#: The shared moderation statuses (pending, approved, rejected, spam).
CommentStatus = ModerationStatus


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def pending(self):
        return self.filter(status=CommentStatus.PENDING)


class Comment(PersonalDataRecord):
    """A visitor's comment under a page, or a reply to one (one level: a reply's
    ``parent`` is always a comment without a parent). The e-mail address is for
    the moderators only and is never shown."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="reseau_comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author_name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    body = models.TextField(_("comment"), max_length=5000)
    language_code = models.CharField(_("language"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    personal_fields = ("author_name", "email")

    class Meta(PersonalDataRecord.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ("created_at", "pk")
        indexes = [models.Index(fields=["page", "status"], name="reseau_comment_page_status")]

    def __str__(self):
        excerpt = self.body if len(self.body) <= 60 else self.body[:59] + "…"
        return f"{self.display_name()}: {excerpt}"

    def display_name(self):
        return self.author_name or str(_("Anonymous"))

    display_name.short_description = _("name")

    def excerpt(self):
        return self.body if len(self.body) <= 120 else self.body[:119] + "…"

    excerpt.short_description = _("comment")


def normalise_email(address):
    return (address or "").strip().lower()


class TrustedAddress(models.Model):
    """An e-mail address whose comments are published without moderation."""

    email = models.EmailField(_("e-mail address"), unique=True)
    note = models.CharField(_("note"), max_length=255, blank=True, help_text=_("Who it is, for the other editors."))
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("trusted address")
        verbose_name_plural = _("trusted addresses")
        ordering = ("email",)

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @classmethod
    def is_trusted(cls, address):
        address = normalise_email(address)
        return bool(address) and cls.objects.filter(email=address).exists()

    @classmethod
    def trust(cls, address, user=None):
        address = normalise_email(address)
        if address:
            cls.objects.get_or_create(email=address, defaults={"added_by": user})


class CommentSettings(models.Model):
    """Per page: whether its comments are closed (open by default)."""

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="reseau_comment_settings"
    )
    closed = models.BooleanField(
        _("comments closed"), default=True, help_text=_("No new comment can be posted; the approved ones stay shown.")
    )

    class Meta:
        verbose_name = _("comment settings of a page")
        verbose_name_plural = _("comment settings of pages")

    def __str__(self):
        return str(self.page)
