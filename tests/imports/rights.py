"""Rights of the shared ``imports`` endpoint, for ``tests/test_rights.py``.

Whoever may import a file of some kind lists their own imports: policy officers (counts,
indicators, monthly figures), the coordinator and care workers (monthly figures). A job is
opened by whoever sees jobs of its kind, and only the jobs of it they see
(``tests/imports/test_api.py``).
"""

from onderdak.accounts.models import Role
from tests.rights_table import Case

#: Who may import a file of some kind.
IMPORTERS = frozenset({Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR, Role.CARE_WORKER})

RULES: dict = {
    "import-list": [
        Case(IMPORTERS, api=True),
        # The table posts JSON; an import is multipart (tests/monitor/test_counts_api.py).
        Case(IMPORTERS, "post", 415, api=True),
    ],
    # One importer may open a job, another is answered 404: a role x kind table of its own.
    "import-detail": "role x kind of job: tests/imports/test_api.py",
    "import-report": "role x kind of job: tests/imports/test_api.py",
}
URLS: dict = {}
