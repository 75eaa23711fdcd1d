"""Rights of the monitor's dashboard pages and endpoints, for ``tests/test_rights.py``.

``RULES``: URL name → its cases (``tests.test_rights.Case``); ``URLS``: URL name → a function giving
the path to request, for URLs that take arguments.
"""

RULES: dict = {}
URLS: dict = {}
