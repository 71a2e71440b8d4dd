"""wagtail-reseau: a Wagtail plugin for federations of social organisations."""

__version__ = "0.1.0.dev0"
