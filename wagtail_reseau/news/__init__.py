"""News and residents' initiatives: models and catalogue declaration."""
