"""Shared building blocks of every domain: abstract page mixins, StreamField
blocks, model fields and validators. Depends on nothing else in the package."""
