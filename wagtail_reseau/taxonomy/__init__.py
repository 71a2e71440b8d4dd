"""The shared vocabularies (domains of action, territories, audiences,
organisation types, people): their models, the default terms, their admin, the
classification mixin of the pages, and their catalogue facets."""
