"""The counts and imports pages and endpoints: a fixed number of queries, whatever the data.

Each is requested once to warm up, counted, then counted again after the data grew (more counts,
versions, rows, import jobs with errors, indicators). Every logged-in request reads the session,
the user, the TOTP device and the memberships and saves the session (9 queries in all with the
user's region); paginated lists add their count, a count's page its versions (and, for an
importer, its latest jobs), the codes and the template the breakdown values. A change in the
second count means a query inside a loop: fix the selector, not the number here.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.imports.services import import_job_start
from onderdak.monitor.models import ImportKind
from onderdak.monitor.services.reference import reference_values_load
from tests.factories import member
from tests.monitor.counts_data import example_count, example_job
from tests.monitor.factories import CountFactory, version_with
from tests.monitor.importing.files import BAD_COUNT_ROWS, count_file

P, G, C = Role.POLICY_OFFICER, Role.GOVERNANCE_READER, Role.REGIONAL_COORDINATOR


@dataclass(frozen=True)
class Request:
    name: str
    role: str
    path: Callable[[], str]
    queries: int
    api: bool = False


def url(name: str, *args: Callable[[], object]) -> Callable[[], str]:
    return lambda: reverse(name, args=[arg() for arg in args])


def count_pk():
    return example_count().pk


def job_pk():
    return example_job().pk


def done_job_pk():
    return example_job("goed.csv").pk


def version_pk():
    return example_count().versions.get(number=1).pk


REQUESTS = [
    Request("count list", G, url("monitor:count_list"), 10),
    Request("count detail (reader)", G, url("monitor:count_detail", count_pk), 10),
    Request("count detail (importer)", P, url("monitor:count_detail", count_pk), 11),
    Request("count update", P, url("monitor:count_update", count_pk), 9),
    Request("count import", P, url("monitor:count_import", count_pk), 9),
    Request("import list", P, url("monitor:import_list"), 10),
    Request("import rejected", P, url("monitor:import_detail", job_pk), 9),
    Request("import done", P, url("monitor:import_detail", done_job_pk), 9),
    Request("import report", P, url("monitor:import_report", job_pk), 9),
    Request("codes", G, url("monitor:import_codes"), 10),
    Request(
        "template xlsx", G, lambda: reverse("monitor:import_template", args=["telling", "xlsx"]), 10
    ),
    Request("api counts", G, url("count-list"), 10, api=True),
    Request("api count", G, url("count-detail", count_pk), 9, api=True),
    Request("api count versions", G, url("count-version-list"), 10, api=True),
    Request("api count rows", C, url("count-row-list"), 10, api=True),
    Request("api imports", P, url("import-list"), 10, api=True),
    Request("api import", P, url("import-detail", job_pk), 9, api=True),
    Request("api reference values", G, url("reference-value-list"), 9, api=True),
]
ROWS = [
    ("GM0546", "1", "18-26", "man", "gemeente", 2),
    ("GM0553", "3", "27-65", "vrouw", "zorg", 9),
]


def imports_by(user, count) -> None:
    """A rejected and a good import of ``count`` by ``user``."""
    for rows in (BAD_COUNT_ROWS, [("Leiden", "1", "0-17", "man", "zorg", 1)]):
        import_job_start(
            region=count.region,
            kind=ImportKind.COUNT,
            options={"count": count.pk},
            uploaded=ContentFile(count_file(rows), name="groei.csv"),
            by=user,
        )


def grow(region, user) -> None:
    for i in range(6):
        count = CountFactory(region=region, title=f"Groei {i}")
        version_with(count, ROWS)
        version_with(count, ROWS[:1])
        imports_by(user, count)


@pytest.mark.parametrize("request_", REQUESTS, ids=[r.name for r in REQUESTS])
def test_queries_do_not_grow_with_the_data(
    request_, region, login, api_login, django_assert_num_queries
):
    reference_values_load()
    example_job("goed.csv")  # a count with versions, and a job, before the first request
    user = member(request_.role)
    imports_by(user, example_count())
    client = (api_login if request_.api else login)(user)
    path = request_.path()
    client.get(path)
    with django_assert_num_queries(request_.queries):
        assert client.get(path).status_code == 200
    grow(region, user)
    with django_assert_num_queries(request_.queries):
        assert client.get(path).status_code == 200
