"""The calibration: the register's history to the engine per cell and per type, the estimates
scenarios start from, and the page with its tables, notes and fitted chart."""

import datetime

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.selectors.calibration import estimates, region_calibration
from onderdak.region.models import Municipality
from tests.capacity.factories import facility_type
from tests.capacity.plans_data import facility_with_figures

pytestmark = pytest.mark.usefixtures("facility_types")
CALIBRATION = reverse("capacity:calibration")


def test_steady_figures_give_their_inflow_stay_and_destinations(region):
    facility_with_figures(occupied=22, waiting=3, outflow=2)
    found = region_calibration(region=region)
    cell = found.cells.cells["GM0546/beschermd-wonen-24-7"]
    assert cell.inflow.estimate == pytest.approx(2)
    assert cell.stay.estimate == pytest.approx(11)
    assert cell.inflow.low < 2 < cell.inflow.high
    assert found.cell_label("GM0546/beschermd-wonen-24-7") == f"Leiden, {facility_type().label}"
    shared = estimates(region=region)
    own = shared.cells[("GM0546", "beschermd-wonen-24-7")]
    assert (own.inflow, own.mean_stay_months) == (pytest.approx(2), pytest.approx(11))
    assert own.destinations["contingent"] == pytest.approx(1)
    pooled = shared.types["beschermd-wonen-24-7"]
    assert pooled.inflow_per_10000 == pytest.approx(2 * 10_000 / found.population)


def test_two_facilities_of_a_cell_are_taken_together(region):
    facility_with_figures(occupied=22, waiting=0, outflow=2)
    facility_with_figures(occupied=8, waiting=0, outflow=1)
    found = region_calibration(region=region)
    assert len(found.cells.facilities) == 2
    cell = found.cells.cells["GM0546/beschermd-wonen-24-7"]
    assert cell.inflow.estimate == pytest.approx(3)
    assert cell.stay.estimate == pytest.approx(10)


def test_too_few_months_give_a_reason_not_a_figure(region):
    facility_with_figures(months=3)
    found = region_calibration(region=region)
    cell = found.cells.cells["GM0546/beschermd-wonen-24-7"]
    assert cell.inflow is None
    assert [n.code for n in cell.problems] == ["no_common_months"]
    [facility] = found.cells.facilities.values()
    assert [n.code for n in facility.problems] == ["too_few_months"]
    assert estimates(region=region).cells[("GM0546", "beschermd-wonen-24-7")].inflow is None


def test_without_figures_there_is_nothing_to_estimate(region, make_member, login):
    assert estimates(region=region).cells == {}
    page = login(make_member(Role.POLICY_OFFICER)).get(CALIBRATION)
    assert "calibration" not in page.context


def test_the_page_shows_cells_types_facilities_notes_and_the_fitted_chart(
    region, make_member, login
):
    facility_with_figures(occupied=22, waiting=3, outflow=2)
    katwijk = Municipality.objects.get(cbs_code="GM0537")
    facility_with_figures(katwijk, months=4, last=datetime.date(2025, 6, 1))
    response = login(make_member(Role.MUNICIPALITY_OFFICER)).get(CALIBRATION)
    assert [row.label.split(",")[0] for row in response.context["cells"]] == ["Katwijk", "Leiden"]
    assert response.context["chosen"] == "GM0546/beschermd-wonen-24-7"
    chart = response.context["chart"]
    assert len(chart.legend) == 4
    assert len(chart.table.rows) == 4
    assert response.context["cells"][0].notes == [
        "De voorzieningen hebben in te weinig dezelfde maanden cijfers gegeven "
        "om ze samen te nemen."
    ]
    [short] = [row for row in response.context["facilities"] if row.notes]
    assert "6" in short.notes[0]
    leiden = response.context["cells"][1]
    assert leiden.inflow.startswith("2,0 (")
    assert leiden.shares[0].startswith("100 (")


def test_the_api_reads_the_calibration(region, make_member, api_login):
    facility_with_figures(occupied=22, waiting=3, outflow=2)
    body = api_login(make_member(Role.GOVERNANCE_READER)).get(reverse("calibration-list")).json()
    [cell] = body["cells"]
    assert cell["key"] == "GM0546/beschermd-wonen-24-7"
    assert cell["label"].startswith("Leiden")
    assert cell["inflow"]["estimate"] == pytest.approx(2)
    assert len(cell["fit"]["months"]) == 12
    assert body["types"][0]["key"] == "beschermd-wonen-24-7"
    assert body["level"] == 0.9
