"""The federal project and its axes: models and catalogue declaration."""
