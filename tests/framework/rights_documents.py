"""Rights of the framework module's documents pages and endpoints, for ``tests/test_rights.py``."""

RULES: dict = {}
URLS: dict = {}
