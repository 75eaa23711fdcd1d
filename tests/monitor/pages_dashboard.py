"""The monitor's dashboard pages for the page-by-page browser check: the dashboard with counts, a
map and charts, the indicators, a built-in and an imported indicator, and changing one."""

from collections.abc import Callable

from django.urls import reverse

from onderdak.accounts.models import User
from tests.browser.webpage import WebPage
from tests.monitor.dashboard_data import RIGHTS_INDICATOR, ensure_dashboard_data
from tests.monitor.rights_dashboard import EDITORS, READERS


def with_data(name: str, *args, query: str = "") -> Callable[[User], str]:
    def path(user: User) -> str:
        ensure_dashboard_data()
        return reverse(name, args=args) + query

    return path


PAGES: list = [
    WebPage("monitor dashboard", with_data("monitor:dashboard"), allowed=READERS),
    WebPage(
        "monitor dashboard, subregion and imported indicator",
        with_data("monitor:dashboard", query=f"?subregio=rijnstreek&indicator={RIGHTS_INDICATOR}"),
        allowed=READERS,
    ),
    WebPage("monitor indicators", with_data("monitor:indicator_list"), allowed=READERS),
    WebPage(
        "monitor built-in indicator",
        with_data("monitor:indicator_detail", "ethos-per-10000"),
        allowed=READERS,
    ),
    WebPage(
        "monitor imported indicator",
        with_data("monitor:indicator_detail", RIGHTS_INDICATOR),
        allowed=READERS,
    ),
    WebPage(
        "monitor indicator change",
        with_data("monitor:indicator_update", RIGHTS_INDICATOR),
        allowed=EDITORS,
        invalid_input={"#id_name": ""},
    ),
]
