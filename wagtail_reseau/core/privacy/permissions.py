"""Who sees personal data: a user with the ``view_personal_data`` permission of
the model's app (every ``PersonalDataRecord`` declares it), and superusers."""

from wagtail.permission_policies import ModelPermissionPolicy


def personal_data_permission(model):
    """The permission name, e.g. ``"reseau_registrations.view_personal_data"``."""
    return f"{model._meta.app_label}.view_personal_data"


def can_view_personal_data(user, model):
    return bool(user and user.is_active and user.has_perm(personal_data_permission(model)))


class PersonalDataPermissionPolicy(ModelPermissionPolicy):
    """A Wagtail permission policy for an admin view set of personal data: no
    action at all (not even listing) without ``view_personal_data``; with it,
    listing and exporting, and the model's own permissions for the rest."""

    read_actions = {"view", "list", "inspect", "export", "view_personal_data"}

    def user_has_permission(self, user, action):
        if not can_view_personal_data(user, self.model):
            return False
        if action in self.read_actions:
            return True
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
