"""Shared machinery of the spreadsheet imports (organisations, practices):
reading CSV/XLSX files, the row-by-row report, and writing checked rows as
Wagtail pages in bulk (``pages``). The domain importers live in
``directory/importing`` and ``practices/importing``."""
