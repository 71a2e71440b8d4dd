"""The catalogue of good practices: models and catalogue declaration."""
