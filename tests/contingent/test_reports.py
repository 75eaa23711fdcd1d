"""The year's report: figures, suppression of small counts, page, Excel and API."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.contingent.models import CorporationTarget, NominationStatus, Stream
from onderdak.contingent.selectors import reports
from onderdak.contingent.selectors.reports import DERIVED, SMALL, Cell, suppress
from tests.contingent.factories import (
    ContingentYearFactory,
    NominationFactory,
    PlacementFactory,
    corporation,
    municipality,
)

pytestmark = pytest.mark.django_db


def placements(n, **kwargs):
    return [PlacementFactory(**kwargs) for _ in range(n)]


def report_for(year, suppressed):
    return reports.year_report(contingent_year=year, suppressed=suppressed)


def realised(report, label):
    table = report.table("corporations")
    return next(row for row in table.rows if row.label == label).cells


# --- Suppression ---------------------------------------------------------------------------------


def test_small_counts_are_hidden_and_no_group_keeps_exactly_one_hidden():
    total, small, big, other = Cell(30), Cell(3), Cell(20), Cell(7)
    suppress([total, small, big, other], [[total, small, big, other]])
    assert small.hidden == SMALL
    assert other.hidden == DERIVED  # the smallest other part, so the total stays shown
    assert total.hidden == big.hidden == ""


def test_a_hidden_total_spreads_to_the_groups_it_is_part_of():
    # outflow = a + b; region = outflow + prevention; region = m1 + m2
    a, b, outflow = Cell(2), Cell(0), Cell(2)
    prevention, region = Cell(10), Cell(12)
    m1, m2 = Cell(6), Cell(6)
    groups = [[outflow, a, b], [region, outflow, prevention], [region, m1, m2]]
    suppress([a, b, outflow, prevention, region, m1, m2], groups)
    for group in groups:
        assert sum(1 for cell in group if cell.hidden) != 1
    assert a.hidden == SMALL
    assert outflow.hidden == SMALL


def test_two_small_counts_under_a_known_sum_get_a_complement():
    # 1 + 1 = 12 - 10: with only the small counts hidden, both would be 1
    total, a, b, big = Cell(12), Cell(1), Cell(1), Cell(10)
    suppress([total, a, b, big], [[total, a, b, big]])
    assert (a.hidden, b.hidden, big.hidden, total.hidden) == (SMALL, SMALL, DERIVED, "")


def test_targets_and_zeros_are_never_hidden_as_small():
    target, zero = Cell(3, count=False), Cell(0)
    suppress([target, zero], [])
    assert not target.hidden
    assert not zero.hidden


# --- The figures ---------------------------------------------------------------------------------


def test_realisation_per_corporation_and_stream(region):
    year = ContingentYearFactory()
    CorporationTarget.objects.create(
        contingent_year=year,
        corporation=corporation(),
        stream=Stream.OUTFLOW,
        computed=20,
        target=20,
    )
    placements(6, proposal__dwelling__contingent_year=year)
    report = report_for(year, suppressed=False)
    cells = realised(report, corporation().name)
    assert [c.value for c in cells] == [20, 6, 0, 0, 20, 6]
    streams = report.table("streams")
    assert [c.value for c in streams.rows[0].cells] == [200, 6]
    assert streams.rows[-1].cells[1].value == 6


def test_funnel_counts_how_far_the_years_nominations_came(region):
    year = ContingentYearFactory()
    NominationFactory(contingent_year=year)  # a draft is not counted
    NominationFactory.create_batch(3, contingent_year=year, submitted=True)
    NominationFactory.create_batch(2, contingent_year=year, approved=True)
    placements(1, proposal__nomination__contingent_year=year)
    funnel = [cell.value for _label, cell in report_for(year, suppressed=False).funnel]
    assert funnel == [6, 3, 1, 1, 0]


def test_waiting_time_from_approval_to_lease_start(region):
    year = ContingentYearFactory()
    for days in (10, 20, 30, 40, 50):
        approved = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)
        PlacementFactory(
            proposal__nomination__approved_at=approved,
            lease_start=datetime.date.today(),
        )
    waiting = report_for(year, suppressed=False).table("waiting")
    total = waiting.rows[-1].cells
    assert total[0].value == 5
    assert total[1].value == 30
    assert total[2].value == pytest.approx(46, abs=1)


def test_outcomes_after_12_months(region):
    year = ContingentYearFactory()
    start = datetime.date.today() - datetime.timedelta(days=400)
    transferred = PlacementFactory(lease_start=start)
    transferred.transfer_date = start + datetime.timedelta(days=300)
    transferred.status = "transferred"
    transferred.save()
    PlacementFactory(lease_start=start)  # still in guidance
    PlacementFactory()  # started today: not counted yet
    row = report_for(year, suppressed=False).table("outcomes").rows[0]
    assert [c.value for c in row.cells[:3]] == [2, 1, 1]


def test_small_counts_are_suppressed_for_all_but_the_coordinator(region):
    year = ContingentYearFactory()
    placements(3, proposal__dwelling__corporation=corporation(0))
    placements(8, proposal__dwelling__corporation=corporation(1))
    suppressed = report_for(year, suppressed=True)
    assert realised(suppressed, corporation().name)[1].display == "<5"
    corporations = suppressed.table("corporations")
    hidden = [c for row in corporations.rows for c in row.cells if c.hidden]
    assert hidden  # and no column total lets the 3 be derived:
    for column in range(len(corporations.columns)):
        cells = [row.cells[column] for row in corporations.rows]
        assert sum(1 for cell in cells if cell.hidden) != 1
    assert realised(report_for(year, suppressed=False), corporation().name)[1].value == 3


# --- Page, Excel, API ----------------------------------------------------------------------------


@pytest.fixture
def year(region):
    year = ContingentYearFactory()
    placements(2, proposal__dwelling__municipality=municipality())
    return year


def test_report_page_hides_small_counts_from_a_policy_officer(make_member, login, year):
    response = login(make_member(Role.POLICY_OFFICER)).get(
        reverse("contingent:report", args=[2025])
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "&lt;5" in content
    assert "<svg" in content  # the map


def test_report_page_shows_every_figure_to_the_coordinator(make_member, login, year):
    response = login(make_member(Role.REGIONAL_COORDINATOR)).get(
        reverse("contingent:report", args=[2025])
    )
    assert response.status_code == 200
    assert "&lt;5" not in response.content.decode()
    assert response.context["report"].suppressed is False


def test_report_of_an_unknown_year_is_not_found(make_member, login, year):
    response = login(make_member(Role.POLICY_OFFICER)).get(
        reverse("contingent:report", args=[1999])
    )
    assert response.status_code == 404


def test_report_is_forbidden_without_a_report_role(make_member, login, year):
    response = login(make_member(Role.ADMINISTRATOR)).get(reverse("contingent:report", args=[2025]))
    assert response.status_code == 403


def test_current_report_redirects_to_this_years(make_member, login, year):
    response = login(make_member(Role.POLICY_OFFICER)).get(reverse("contingent:report_current"))
    assert response.status_code == 302


def test_excel_has_a_sheet_per_table_with_hidden_figures_empty(make_member, login, year):
    response = login(make_member(Role.POLICY_OFFICER)).get(
        reverse("contingent:report_export", args=[2025])
    )
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 8
    rows = list(workbook.worksheets[0].iter_rows(min_row=5, values_only=True))
    outflow = rows[0]
    assert outflow[2] is None  # realised 2: hidden
    assert outflow[-1]  # and the note says why


def test_api_report_hides_small_counts_with_a_flag(make_member, api_login, year):
    response = api_login(make_member(Role.GOVERNANCE_READER)).get(
        "/api/v1/contingent-reports/2025/"
    )
    assert response.status_code == 200
    data = response.json()
    assert data["suppressed"] is True
    streams = next(t for t in data["tables"] if t["key"] == "streams")
    assert streams["rows"][0]["values"][1] is None
    assert streams["rows"][0]["hidden"][1] == "small"


def test_api_report_for_the_coordinator_is_complete(make_member, api_login, year):
    response = api_login(make_member(Role.REGIONAL_COORDINATOR)).get(
        "/api/v1/contingent-reports/2025/"
    )
    streams = next(t for t in response.json()["tables"] if t["key"] == "streams")
    assert streams["rows"][0]["values"] == [200, 2]


def test_api_report_errors(make_member, api_login, year):
    client = api_login(make_member(Role.ADMINISTRATOR))
    forbidden = client.get("/api/v1/contingent-reports/2025/")
    assert forbidden.status_code == 403
    assert forbidden.json()["code"]
    reader = api_login(make_member(Role.POLICY_OFFICER))
    assert reader.get("/api/v1/contingent-reports/1999/").status_code == 404


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR])
def test_report_query_count_does_not_grow_with_the_data(
    make_member, login, region, role, django_assert_max_num_queries
):
    ContingentYearFactory()
    client = login(make_member(role))
    url = reverse("contingent:report", args=[2025])
    placements(1)
    with django_assert_max_num_queries(40) as one:
        client.get(url)
    placements(9)
    NominationFactory.create_batch(5, status=NominationStatus.SUBMITTED)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url).status_code == 200
