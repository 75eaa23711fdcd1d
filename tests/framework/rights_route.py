"""Rights of the framework module's route pages and endpoints, for ``tests/test_rights.py``."""

RULES: dict = {}
URLS: dict = {}
