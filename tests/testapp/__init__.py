"""A host app, as a federation's developer would write one, that extends the
catalogue without touching the package: its own page type (a toolkit) becomes
a catalogue document, and its own facet (difficulty) filters every catalogue."""
