"""The monitor's counts pages for the page-by-page browser check."""

from django.urls import reverse

from tests.browser.webpage import WebPage, url
from tests.monitor.counts_data import example_count, example_job
from tests.monitor.rights_counts import CODE_READERS, IMPORTERS, READERS


def count_url(name: str):
    return lambda user: reverse(name, args=[example_count().pk])


def job_url(file_name: str):
    return lambda user: reverse("monitor:import_detail", args=[example_job(file_name).pk])


PAGES = [
    WebPage("monitor:count_list", url("monitor:count_list"), allowed=READERS),
    WebPage(
        "monitor:count_create", url("monitor:count_create"), allowed=IMPORTERS, invalid_input={}
    ),
    WebPage("monitor:count_detail", count_url("monitor:count_detail"), allowed=READERS),
    WebPage(
        "monitor:count_update",
        count_url("monitor:count_update"),
        allowed=IMPORTERS,
        invalid_input={"#id_title": "", "#id_count_date": ""},
    ),
    WebPage(
        "monitor:count_import",
        count_url("monitor:count_import"),
        allowed=IMPORTERS,
        invalid_input={},
    ),
    WebPage("monitor:import_list", url("monitor:import_list"), allowed=IMPORTERS),
    WebPage("monitor:import_detail?rejected", job_url("afgekeurd.csv"), allowed=IMPORTERS),
    WebPage("monitor:import_detail?done", job_url("goed.csv"), allowed=IMPORTERS),
    WebPage("monitor:import_codes", url("monitor:import_codes"), allowed=CODE_READERS),
    WebPage(
        "monitor:indicator_import",
        url("monitor:indicator_import"),
        allowed=IMPORTERS,
        invalid_input={},
    ),
]
