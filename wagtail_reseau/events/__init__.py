"""Meeting forums, practice-exchange workshops and training capsules with their
sessions: models (``forums``, ``trainings``) and catalogue declaration."""
