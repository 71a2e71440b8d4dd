"""Wagtail's read API (only live, public pages are served), through the package's
router: its pages endpoint answers 400, not 500, to input it cannot use."""

from wagtail_reseau.api.urls import api_router

__all__ = ["api_router"]
