"""Rights of the monitor's counts pages and endpoints, for ``tests/test_rights.py``.

``RULES``: URL name → its cases (``tests.test_rights.Case``); ``URLS``: URL name → a function giving
the path to request, for URLs that take arguments.

Monitor readers (policy, governance, municipality, coordinator) read counts; policy officers
create, change and import them and follow their imports (``monitor/rules.py``).
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.monitor.models import ReferenceValue
from onderdak.monitor.services.reference import reference_values_load
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
API_RULES: dict = {
    "count-list": [
        Case(READERS, api=True),
        Case(IMPORTERS, "post", 201, {"data": count_payload}, api=True),
    ],
    "count-detail": [
        Case(READERS, api=True),
        Case(IMPORTERS, "patch", 200, {"data": lambda: {"notes": "x"}}, api=True),
    ],
    "count-version-list": [Case(READERS, api=True)],
    "count-version-detail": [Case(READERS, api=True)],
    "count-version-make-current": [Case(IMPORTERS, "post", 200, api=True)],
    "count-row-list": [Case(frozenset({Role.REGIONAL_COORDINATOR}), api=True)],
    "reference-value-list": [Case(CODE_READERS, api=True)],
    "reference-value-detail": [Case(CODE_READERS, api=True)],
}
RULES.update(API_RULES)


def first_value() -> int:
    reference_values_load()
    return ReferenceValue.objects.order_by("pk").first().pk


def first_version() -> int:
    return example_count().versions.get(number=1).pk


URLS: dict = {
    "count-detail": lambda: reverse("count-detail", args=[example_count().pk]),
    "count-version-detail": lambda: reverse("count-version-detail", args=[first_version()]),
    "count-version-make-current": lambda: reverse(
        "count-version-make-current", args=[first_version()]
    ),
    "reference-value-detail": lambda: reverse("reference-value-detail", args=[first_value()]),
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
