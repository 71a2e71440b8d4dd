"""Benchmarks of wagtail-reseau: scripts run by hand, never by the test suite."""
