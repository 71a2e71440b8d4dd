"""The shared privacy core: consent statements, personal-data records, public form
helpers, signed private links and retention (see docs/privacy.md).

A sub-app of its own (label ``reseau_privacy``): add
``"wagtail_reseau.core.privacy"`` to ``INSTALLED_APPS``."""
