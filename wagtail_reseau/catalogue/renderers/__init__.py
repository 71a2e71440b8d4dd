"""Renderers: a step after the results (see docs/architecture.md, "the path of
one search"). Each writes one format of a catalogue's answer."""
