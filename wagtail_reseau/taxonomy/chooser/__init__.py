"""A searchable chooser of vocabulary terms (territories, domains of action...):
``search`` finds terms by name, code or postcode; ``views`` answers in JSON;
``widgets`` is the form control, usable without JavaScript (docs/geography.md)."""
