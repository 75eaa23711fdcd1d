"""Rights of the framework module's participation pages and endpoints (``tests/test_rights.py``)."""

RULES: dict = {}
URLS: dict = {}
