"""Rights of the capacity module's plans pages and endpoints, for ``tests/test_rights.py``.

``RULES``: URL name → its cases (``tests.rights_table.Case``); ``URLS``: URL name → a function
giving the path to request, for URLs that take arguments.
"""

RULES: dict = {}
URLS: dict = {}
