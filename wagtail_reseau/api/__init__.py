"""Wagtail's read API for the package's pages, answering 400 with a message to input it
cannot use (a date that is not one, a word for an id, a broken search, a huge offset)
instead of failing with a 500. Mount it with ``api_router`` (see ``urls.py``)."""
