"""Rights of the shared ``imports`` endpoint, for ``tests/test_rights.py``.

Whoever may import a file of some kind lists their own imports; a job is opened by whoever sees
jobs of its kind (the monitor's: policy officers). The table's example is a monitor job.
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from tests.monitor.counts_data import example_job
from tests.rights_table import Case

#: Who may import a file of any kind.
IMPORTERS = frozenset({Role.POLICY_OFFICER})
#: Who may open a count file's job.
COUNT_JOB_READERS = frozenset({Role.POLICY_OFFICER})

RULES: dict = {
    "import-list": [
        Case(IMPORTERS, api=True),
        # The table posts JSON; an import is multipart (tests/monitor/test_counts_api.py).
        Case(IMPORTERS, "post", 415, api=True),
    ],
    "import-detail": [Case(COUNT_JOB_READERS, api=True)],
    "import-report": [Case(COUNT_JOB_READERS, api=True)],
}
URLS: dict = {
    "import-detail": lambda: reverse("import-detail", args=[example_job().pk]),
    "import-report": lambda: reverse("import-report", args=[example_job().pk]),
}
