"""The framework module's part of the project's rights table, gathered from its parts.

Each part (``rights_<part>.py``) declares ``RULES`` (URL name → its cases, a
``tests.rights_table.Case`` list)
and ``URLS`` (URL name → a function giving the path to request, for URLs that take arguments).
"""

from tests.framework import (
    rights_documents,
    rights_frameworks,
    rights_participation,
    rights_project,
    rights_route,
    rights_tree,
)

PARTS = (
    rights_frameworks,
    rights_tree,
    rights_participation,
    rights_route,
    rights_project,
    rights_documents,
)
RULES = {name: cases for part in PARTS for name, cases in part.RULES.items()}
URLS = {name: path for part in PARTS for name, path in part.URLS.items()}
