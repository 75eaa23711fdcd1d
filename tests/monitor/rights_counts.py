"""Rights of the monitor's counts pages and endpoints, for ``tests/test_rights.py``.

``RULES``: URL name → its cases (``tests.test_rights.Case``); ``URLS``: URL name → a function giving
the path to request, for URLs that take arguments.

Monitor readers (policy, governance, municipality, coordinator) read counts; policy officers
create, change and import them and follow their imports (``monitor/rules.py``).
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from tests.monitor.counts_data import (
    count_payload,
    example_count,
    example_job,
    indicator_payload,
    upload_payload,
)
from tests.rights_table import Case

READERS = frozenset(
    {
        Role.POLICY_OFFICER,
        Role.GOVERNANCE_READER,
        Role.MUNICIPALITY_OFFICER,
        Role.REGIONAL_COORDINATOR,
    }
)
IMPORTERS = frozenset({Role.POLICY_OFFICER})
CODE_READERS = READERS | {Role.ADMINISTRATOR}


RULES: dict = {
    "monitor:count_list": [Case(READERS)],
    "monitor:count_create": [
        Case(IMPORTERS),
        Case(IMPORTERS, "post", 302, {"data": count_payload}),
    ],
    "monitor:count_detail": [Case(READERS)],
    "monitor:count_update": [
        Case(IMPORTERS),
        Case(IMPORTERS, "post", 302, {"data": count_payload}),
    ],
    "monitor:count_import": [
        Case(IMPORTERS),
        Case(IMPORTERS, "post", 302, {"data": upload_payload}),
    ],
    "monitor:count_version_make_current": [Case(IMPORTERS, "post", 302)],
    "monitor:import_list": [Case(IMPORTERS)],
    "monitor:import_detail": [Case(IMPORTERS)],
    "monitor:import_report": [Case(IMPORTERS)],
    "monitor:import_codes": [Case(CODE_READERS)],
    "monitor:import_template": [Case(READERS)],
    "monitor:indicator_import": [
        Case(IMPORTERS),
        Case(IMPORTERS, "post", 302, {"data": indicator_payload}),
    ],
}
URLS: dict = {
    "monitor:count_detail": lambda: reverse("monitor:count_detail", args=[example_count().pk]),
    "monitor:count_update": lambda: reverse("monitor:count_update", args=[example_count().pk]),
    "monitor:count_import": lambda: reverse("monitor:count_import", args=[example_count().pk]),
    "monitor:count_version_make_current": lambda: reverse(
        "monitor:count_version_make_current", args=[example_count().pk, 1]
    ),
    "monitor:import_detail": lambda: reverse("monitor:import_detail", args=[example_job().pk]),
    "monitor:import_report": lambda: reverse("monitor:import_report", args=[example_job().pk]),
    "monitor:import_template": lambda: reverse("monitor:import_template", args=["telling", "xlsx"]),
}
