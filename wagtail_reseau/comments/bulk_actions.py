"""Moderate comments from the admin listing (tick, then act): approve, reject,
mark as spam, or approve and trust the author's address (their next comments
are published without moderation)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..core.privacy.moderation import ModerationBulkAction, set_status
from .models import Comment, CommentStatus, TrustedAddress


def moderate(comments, status, user=None, trust=False):
    """Gives ``comments`` the ``status``; with ``trust``, their addresses are trusted."""
    now = timezone.now()
    count = 0
    for comment in comments:
        if trust and comment.email:
            TrustedAddress.trust(comment.email, user)
        set_status(comment, status, now)
        count += 1
    return count


class ModerateCommentsBulkAction(ModerationBulkAction):
    models = [Comment]
    status = CommentStatus.APPROVED
    trust = False
    message = ("%(count)d comment moderated.", "%(count)d comments moderated.")

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderate(objects, cls.status, user=user, trust=cls.trust), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(*self.message, num_parent_objects) % {"count": num_parent_objects}


class ApproveCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Approve")
    action_type = "approve_comments"
    aria_label = _("Approve comments")
    action_priority = 10
    status = CommentStatus.APPROVED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment approved.", "%(count)d comments approved.", num_parent_objects) % {
            "count": num_parent_objects
        }


class TrustCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Approve and trust the address")
    action_type = "trust_comments"
    aria_label = _("Approve comments and publish their authors' next comments directly")
    action_priority = 15
    status = CommentStatus.APPROVED
    trust = True

    def check_perm(self, comment):
        return super().check_perm(comment) and self.request.user.has_perm("reseau_comments.add_trustedaddress")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment approved; its address is trusted.",
            "%(count)d comments approved; their addresses are trusted.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Reject")
    action_type = "reject_comments"
    aria_label = _("Reject comments")
    action_priority = 20
    status = CommentStatus.REJECTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", num_parent_objects) % {
            "count": num_parent_objects
        }


class SpamCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam_comments"
    aria_label = _("Mark comments as spam")
    action_priority = 30
    status = CommentStatus.SPAM

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", num_parent_objects
        ) % {"count": num_parent_objects}
