"""Social mentoring offers and requests between organisations: models and
catalogue declaration."""
