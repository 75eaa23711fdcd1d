"""Importing monthly figures through the shared machinery: a good file is stored whole and a month
entered again is replaced; a bad file stores nothing; a care worker imports for their own care
provider's facilities only and follows only their own imports; the templates; the job's pages;
and, with hypothesis, whatever the file: never a crash, never part of a file."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from onderdak.accounts.models import Role
from onderdak.capacity.models import MonthlyFigure
from onderdak.capacity.services.figure_imports import KEY
from onderdak.core.errors import DomainError
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.imports.services import import_job_start
from tests.capacity.facilities_data import (
    HEADER,
    bad_rows,
    example_facility,
    good_rows,
    other_facility,
)
from tests.capacity.in_english import english  # noqa: F401
from tests.imports.files import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.usefixtures("facility_types", "english")


def start(user, rows, name="maandcijfers.csv", kind="csv") -> ImportJob:
    data = [HEADER, *rows]
    content = csv_bytes(data) if kind == "csv" else xlsx_bytes(data)
    return import_job_start(
        region=example_facility().region,
        kind=KEY,
        uploaded=ContentFile(content, name=name),
        by=user,
    )


def figures() -> list[tuple]:
    return sorted(MonthlyFigure.objects.values_list("facility", "month", "occupied", "inflow"))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_good_file_is_stored_whole(region, make_member, kind):
    job = start(make_member(Role.POLICY_OFFICER), good_rows(), f"cijfers.{kind}", kind)
    job.refresh_from_db()
    assert (job.status, job.rows_total, job.options) == (ImportStatus.DONE, 1, {})
    assert job.outcome == {"created": 1, "replaced": 0, "warning_count": 0, "warnings": []}
    assert MonthlyFigure.objects.get(facility=example_facility(), month="2024-03-01").occupied == 19


def test_importing_a_month_again_replaces_it_and_warns_what_is_off(region, make_member):
    officer = make_member(Role.POLICY_OFFICER)
    start(officer, good_rows())
    facility = example_facility()
    job = start(officer, [(facility.pk, "2024-03", 25, 2, 3, 1, 1, 0, 0)])
    assert (job.outcome["created"], job.outcome["replaced"], job.outcome["warning_count"]) == (
        0,
        1,
        2,
    )
    assert [w["row"] for w in job.outcome["warnings"]] == [2, 2]
    assert MonthlyFigure.objects.get(facility=facility, month="2024-03-01").occupied == 25


def test_a_bad_file_stores_nothing_and_keeps_every_error(region, make_member):
    rows = [*good_rows(), *bad_rows()]
    before = figures()
    job = start(make_member(Role.POLICY_OFFICER), rows)
    assert job.status == ImportStatus.REJECTED
    assert [(e["row"], e["column"]) for e in job.errors] == [(3, "maand"), (3, "bezet")]
    assert figures() == before


def test_a_care_worker_imports_only_for_their_own_care_provider(region, make_member):
    worker = make_member(Role.CARE_WORKER)
    own = start(worker, good_rows())
    assert own.status == ImportStatus.DONE
    assert own.options == {"providers": [example_facility().provider_id]}
    before = figures()
    theirs = start(worker, good_rows(other_facility()))
    assert theirs.status == ImportStatus.REJECTED
    assert "Not a facility of your care provider" in theirs.errors[0]["message"]
    assert figures() == before
    assert start(make_member(Role.POLICY_OFFICER), good_rows(other_facility())).status == "done"


def test_who_may_not_import_is_refused_on_the_page_and_the_api(region, make_member, login):
    reader = make_member(Role.GOVERNANCE_READER)
    assert login(reader).get(reverse("capacity:figure_import")).status_code == 403


def test_an_import_without_a_file_is_refused_without_a_job(region, make_member):
    with pytest.raises(DomainError):
        import_job_start(
            region=region,
            kind=KEY,
            uploaded=ContentFile(b"", name="leeg.csv"),
            by=make_member(Role.CARE_WORKER),
        )
    assert not ImportJob.objects.exists()


# --- Templates -----------------------------------------------------------------------------------


def test_the_csv_template_is_the_header(region, make_member, login):
    client = login(make_member(Role.CARE_WORKER))
    response = client.get(reverse("capacity:import_template", args=["maandcijfers", "csv"]))
    assert response.content == ("\ufeff" + ";".join(HEADER) + "\r\n").encode()


def test_the_xlsx_template_lists_the_users_own_facilities(region, make_member, login):
    own, other = example_facility(), other_facility()
    client = login(make_member(Role.CARE_WORKER))
    response = client.get(reverse("capacity:import_template", args=["maandcijfers", "xlsx"]))
    first, facilities = load_workbook(io.BytesIO(response.content)).worksheets
    assert tuple(c.value for c in first[1]) == HEADER
    numbers = [row[0] for row in facilities.iter_rows(min_row=2, values_only=True)]
    assert own.pk in numbers
    assert other.pk not in numbers


def test_a_filled_in_template_imports(region, make_member, login):
    officer = make_member(Role.POLICY_OFFICER)
    client = login(officer)
    template = client.get(reverse("capacity:import_template", args=["maandcijfers", "xlsx"]))
    book = load_workbook(io.BytesIO(template.content))
    book.worksheets[0].append(list(good_rows()[0]))
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        reverse("capacity:figure_import"),
        {"file": ContentFile(buffer.getvalue(), name="ingevuld.xlsx")},
    )
    job = ImportJob.objects.get(kind=KEY)
    assert response["Location"] == reverse("capacity:import_detail", args=[job.pk])
    assert job.status == ImportStatus.DONE


# --- The job's pages: whoever started it, and planners ------------------------------------------


@pytest.fixture
def jobs(region, make_member):
    """A rejected and a done job of a care worker, who is returned with them."""
    worker = make_member(Role.CARE_WORKER)
    return worker, start(worker, bad_rows(), "fout.csv"), start(worker, good_rows(), "goed.csv")


@pytest.mark.parametrize("name", ["capacity:import_detail", "capacity:import_report"])
def test_a_job_is_seen_by_whoever_started_it_and_by_planners(jobs, make_member, login, name):
    worker, rejected, _done = jobs
    url = reverse(name, args=[rejected.pk])
    expected = {
        worker: 200,
        make_member(Role.POLICY_OFFICER): 200,
        make_member(Role.REGIONAL_COORDINATOR): 200,
        make_member(Role.CARE_WORKER): 404,  # a colleague: the job is the starter's
        make_member(Role.GOVERNANCE_READER): 403,
        make_member(Role.MUNICIPALITY_OFFICER): 403,
    }
    assert {user: login(user).get(url).status_code for user in expected} == expected


def test_the_api_shows_a_job_to_the_same_people(jobs, make_member, api_login):
    worker, rejected, _done = jobs
    url = reverse("import-detail", args=[rejected.pk])
    assert api_login(worker).get(url).json()["error_count"] == 2
    assert api_login(make_member(Role.CARE_WORKER)).get(url).status_code == 404
    assert api_login(make_member(Role.REGIONAL_COORDINATOR)).get(url).status_code == 200


def test_the_list_holds_the_users_own_imports(jobs, make_member, login):
    worker = jobs[0]
    page = login(worker).get(reverse("capacity:import_list")).text
    assert "fout.csv" in page
    assert "goed.csv" in page
    assert (
        "goed.csv"
        not in login(make_member(Role.POLICY_OFFICER)).get(reverse("capacity:import_list")).text
    )


def test_a_rejected_jobs_page_shows_the_errors_and_the_report(jobs, login):
    worker, rejected, _done = jobs
    page = login(worker).get(reverse("capacity:import_detail", args=[rejected.pk])).text
    assert 'role="alert"' in page
    assert "lies in the future" in page
    assert reverse("capacity:import_report", args=[rejected.pk]) in page
    assert reverse("capacity:import_list") in page  # the way back


def test_a_done_jobs_page_shows_what_was_stored_and_the_warnings(region, make_member, login):
    officer = make_member(Role.POLICY_OFFICER)
    facility = example_facility()
    job = start(officer, [(facility.pk, "2024-03", 25, 2, 3, 1, 1, 0, 0)])
    page = login(officer).get(reverse("capacity:import_detail", args=[job.pk])).text
    assert "1 month of figures imported" in page
    assert "25 places are occupied, more than the facility&#x27;s 20 places." in page


# --- Never a crash, never part of a file ---------------------------------------------------------

CELLS = st.one_of(
    st.sampled_from(["2024-03", "2024-02", "2099-01", "12-3-2024", "", "x", "-1", "2,5", "0", "7"]),
    st.integers(min_value=-3, max_value=200_000),
    st.text(max_size=10),
    st.booleans(),
    st.none(),
)


def mutated(rows, kind):
    facility = example_facility().pk
    data = [HEADER, *([facility, *row] for row in rows)]
    if kind == "csv":
        return csv_bytes(data)
    return xlsx_bytes([[storable(cell) for cell in row] for row in data])


def storable(cell):
    """A cell openpyxl can write: no control characters."""
    return ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(st.lists(CELLS, min_size=8, max_size=8), min_size=1, max_size=5),
    kind=st.sampled_from(["csv", "xlsx"]),
    garbage=st.one_of(st.none(), st.binary(max_size=300)),
)
def test_an_import_never_crashes_and_is_all_or_nothing(region, make_member, rows, kind, garbage):
    example_facility()
    before = figures()
    content = garbage if garbage is not None else mutated(rows, kind)
    try:
        job = import_job_start(
            region=region,
            kind=KEY,
            uploaded=ContentFile(content, name="bestand"),
            by=make_member(Role.CARE_WORKER),
        )
    except DomainError:
        assert figures() == before
        return
    if job.status == ImportStatus.DONE:
        assert len(figures()) == len(before) + job.outcome["created"]
        assert job.outcome["created"] + job.outcome["replaced"] == job.rows_total
    else:
        assert job.status == ImportStatus.REJECTED
        assert job.error_count >= 1
        assert figures() == before
