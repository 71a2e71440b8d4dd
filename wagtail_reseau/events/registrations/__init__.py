"""Registrations to forums and training sessions: the form, capacity and waiting
list, private links, e-mails, staff admin, retention (docs/registrations.md).

A sub-app of its own (label ``reseau_registrations``): add
``"wagtail_reseau.events.registrations"`` to ``INSTALLED_APPS`` after
``"wagtail_reseau.core.privacy"``, and include its URLs."""
