"""The directory of organisations and the federation hierarchy: models and
catalogue declaration."""
