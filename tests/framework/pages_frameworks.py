"""The framework pages (list, front page, versions, comparison) for the page-by-page browser
check."""

from tests.browser.webpage import WebPage, url
from tests.framework.rights_frameworks import EDITORS, READERS
from tests.framework.tree_data import at, put_version

PAGES = [
    WebPage("framework:framework_list", url("framework:framework_list"), allowed=READERS),
    WebPage(
        "framework:framework_create",
        url("framework:framework_create"),
        allowed=EDITORS,
        invalid_input={"#id_title": "", "#id_first_year": "2031", "#id_last_year": "2026"},
    ),
    WebPage("framework:framework_detail", at("framework:framework_detail"), allowed=READERS),
    WebPage(
        "framework:framework_update",
        at("framework:framework_update"),
        allowed=EDITORS,
        invalid_input={"#id_first_year": "2027"},  # the actions would fall outside the period
    ),
    WebPage("framework:version_list", at("framework:version_list"), allowed=READERS),
    WebPage("framework:diff", at("framework:diff"), allowed=READERS),
    WebPage(
        "framework:version_detail", at("framework:version_detail", put_version), allowed=READERS
    ),
]
