"""Rights of the monitor's dashboard pages and endpoints, for ``tests/test_rights.py``.

``RULES``: URL name → its cases (``tests.test_rights.Case``); ``URLS``: URL name → a function giving
the path to request, for URLs that take arguments. Readers of the monitor (policy, governance,
municipality and the regional coordinator) see the dashboard and the indicators; policy officers
and the administrator change an imported indicator.
"""

from collections.abc import Callable

from django.urls import reverse

from onderdak.accounts.models import Role
from tests.monitor.dashboard_data import RIGHTS_INDICATOR, ensure_dashboard_data
from tests.rights_table import Case

READERS = frozenset(
    {
        Role.POLICY_OFFICER,
        Role.GOVERNANCE_READER,
        Role.MUNICIPALITY_OFFICER,
        Role.REGIONAL_COORDINATOR,
    }
)
EDITORS = frozenset({Role.POLICY_OFFICER, Role.ADMINISTRATOR})


def with_data(name: str, *args) -> Callable[[], str]:
    """The path of ``name``, after making the counts and the indicator it shows."""

    def path() -> str:
        ensure_dashboard_data()
        return reverse(name, args=args)

    return path


def indicator_form() -> dict:
    return {"name": "Ontruimingen", "unit": "huishoudens", "description": "Per jaar"}


RULES: dict = {
    "monitor:dashboard": [Case(READERS)],
    "monitor:dashboard_export": [Case(READERS)],
    "monitor:indicator_list": [Case(READERS)],
    "monitor:indicator_detail": [Case(READERS)],
    "monitor:indicator_update": [
        Case(EDITORS),
        Case(EDITORS, "post", 302, {"data": indicator_form}),
    ],
    "monitor-dashboard-list": [Case(READERS, api=True)],
    "indicator-list": [Case(READERS, api=True)],
    "indicator-detail": [
        Case(READERS, api=True),
        Case(EDITORS, "patch", 200, {"data": lambda: {"description": "Per jaar"}}, api=True),
    ],
    "indicator-value-list": [Case(READERS, api=True)],
}
URLS: dict = {
    "monitor:dashboard": with_data("monitor:dashboard"),
    "monitor:dashboard_export": with_data("monitor:dashboard_export", "categorieen"),
    "monitor:indicator_detail": with_data("monitor:indicator_detail", RIGHTS_INDICATOR),
    "monitor:indicator_update": with_data("monitor:indicator_update", RIGHTS_INDICATOR),
    "indicator-detail": with_data("indicator-detail", RIGHTS_INDICATOR),
    "monitor-dashboard-list": with_data("monitor-dashboard-list"),
}
