"""Rights of the framework module's frameworks pages and endpoints, for ``tests/test_rights.py``."""

RULES: dict = {}
URLS: dict = {}
