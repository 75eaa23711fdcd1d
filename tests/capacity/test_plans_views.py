"""The plan's pages: the plan with its checks and charts (each with its table), a municipality's
and a subregion's plan, their grids (saved whole or not at all), and the Excel download."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.capacity.models import CapacityPlan, PlanLine
from onderdak.region.models import Municipality
from tests.capacity.factories import FacilityFactory, facility_type
from tests.capacity.plans_data import (
    example_plan,
    facility_with_figures,
    leiden,
    municipality_officer_of,
    plan_places,
)

pytestmark = pytest.mark.usefixtures("facility_types")
PLAN = reverse("capacity:plan")
LEIDEN = reverse("capacity:plan_municipality", args=["GM0546"])
LEIDEN_EDIT = reverse("capacity:plan_municipality_edit", args=["GM0546"])
LEIDSE_REGIO = reverse("capacity:plan_subregion", args=["leidse-regio"])
LEIDSE_REGIO_EDIT = reverse("capacity:plan_subregion_edit", args=["leidse-regio"])


@pytest.fixture
def officer(make_member, login):
    return login(make_member(Role.POLICY_OFFICER))


@pytest.fixture
def plan(region):
    plan = example_plan(region)
    plan_places(plan, {2023: 30, 2032: 10})
    plan_places(plan, {2023: 0, 2032: 8}, facility_type_code="housing-first")
    return plan


def test_without_a_plan_the_page_offers_to_make_one(region, officer):
    page = officer.get(PLAN).content.decode()
    assert reverse("capacity:plan_create") in page
    response = officer.post(
        reverse("capacity:plan_create"), {"first_year": 2023, "last_year": 2032}
    )
    assert response.status_code == 302
    assert CapacityPlan.objects.get().years == range(2023, 2033)
    assert officer.get(reverse("capacity:plan_create")).status_code == 302  # one plan only
    again = officer.post(reverse("capacity:plan_create"), {"first_year": 2024, "last_year": 2030})
    assert again.context["form"].non_field_errors()


def test_a_bad_period_is_shown_on_the_form(region, officer):
    response = officer.post(
        reverse("capacity:plan_create"), {"first_year": 2030, "last_year": 2025}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["last_year"]
    assert not CapacityPlan.objects.exists()


def test_the_plan_shows_its_checks_the_region_chart_with_its_table_and_every_municipality(
    plan, officer
):
    facility_with_figures(occupied=20, waiting=5)
    response = officer.get(PLAN)
    page = response.content.decode()
    assert 'id="plan-regio-titel"' in page
    assert "2023 (" in page
    assert "2032 (" in page
    assert response.context["checks"].checks
    assert page.count(reverse("capacity:plan_municipality", args=["GM0547"])) == 1
    assert LEIDSE_REGIO in page


def test_a_municipality_page_shows_its_chart_table_and_checks(plan, officer):
    facility_with_figures(occupied=20, waiting=5)
    response = officer.get(LEIDEN)
    page = response.content.decode()
    chart = response.context["chart"]
    assert [row[0] for row in chart.table.rows][:2] == [
        facility_type().label,
        facility_type("housing-first").label,
    ]
    assert chart.table.rows[2][1][0] == "30"  # the total row
    assert chart.table.rows[0][1][0] == "30"
    assert response.context["checks"]
    assert LEIDEN_EDIT in page


def test_the_grid_saves_every_cell_at_once(plan, officer):
    form = officer.get(LEIDEN_EDIT).context["form"]
    data = {name: "" if value is None else value for name, value in form.initial.items()}
    data.update({name: field.initial or "" for name, field in form.fields.items()})
    data["places_housing-first_2025"] = "3"
    data["places_beschermd-wonen-24-7_2032"] = ""
    response = officer.post(LEIDEN_EDIT, data)
    assert response.status_code == 302
    assert PlanLine.objects.get(year=2025).places == 3
    assert not PlanLine.objects.filter(year=2032, facility_type__code="beschermd-wonen-24-7")


def test_a_negative_number_is_refused_on_its_input_and_nothing_is_saved(plan, officer):
    response = officer.post(
        LEIDEN_EDIT, {"places_housing-first_2025": "3", "places_nachtopvang_2026": "-2"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["places_nachtopvang_2026"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not PlanLine.objects.filter(year__in=(2025, 2026)).exists()


def test_a_municipality_officer_changes_only_their_own_grid(plan, login):
    client = login(municipality_officer_of(leiden()))
    assert client.get(LEIDEN_EDIT).status_code == 200
    katwijk = reverse("capacity:plan_municipality_edit", args=["GM0537"])
    assert client.get(katwijk).status_code == 403
    assert client.post(katwijk, {"places_nachtopvang_2026": "2"}).status_code == 403
    assert client.get(LEIDSE_REGIO_EDIT).status_code == 403
    assert client.get(reverse("capacity:plan_municipality", args=["GM0537"])).status_code == 200
    assert LEIDEN_EDIT in client.get(PLAN).content.decode()


def test_the_subregion_grid_sets_one_type_for_every_municipality(plan, officer):
    url = f"{LEIDSE_REGIO_EDIT}?soort=housing-first"
    form = officer.get(url).context["form"]
    assert form.rows[0][0] == "Leiden"
    response = officer.post(
        url, {"places_GM0546_2027": "4", "places_GM0547_2027": "2", "places_GM0546_2032": "8"}
    )
    assert response.status_code == 302
    assert response.url.endswith("?soort=housing-first")
    lines = PlanLine.objects.filter(facility_type__code="housing-first")
    assert {(ln.municipality.cbs_code, ln.year): ln.places for ln in lines} == {
        ("GM0546", 2027): 4,
        ("GM0547", 2027): 2,
        ("GM0546", 2032): 8,
    }


def test_a_subregion_page_has_its_chart_and_municipalities(plan, officer):
    response = officer.get(LEIDSE_REGIO)
    assert response.context["chart"].table.rows[0][1][0] == "30"
    assert response.context["members"][0].cbs_code == "GM0546"


def test_unknown_areas_are_not_found(plan, officer):
    assert officer.get(reverse("capacity:plan_municipality", args=["GM9999"])).status_code == 404
    assert officer.get(reverse("capacity:plan_subregion", args=["nergens"])).status_code == 404


def test_the_baseline_button_fills_the_first_year_from_the_register(plan, officer):
    FacilityFactory(places=12, municipality=Municipality.objects.get(cbs_code="GM0537"))
    response = officer.post(reverse("capacity:plan_baseline"))
    assert response.status_code == 302
    assert PlanLine.objects.get(municipality__cbs_code="GM0537", year=2023).places == 12


def test_the_excel_download_holds_the_plan_per_region_type_and_the_checks(plan, officer):
    facility_with_figures(occupied=40, waiting=5)
    response = officer.get(reverse("capacity:plan_export"))
    book = load_workbook(io.BytesIO(response.content))
    plan_sheet, totals, checks = book.worksheets
    rows = list(plan_sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0][:3] == ("Leidse regio", "GM0546", "Leiden")
    assert (rows[0][4], rows[0][-1]) == (30, 10)
    assert totals.cell(5, 2).value == 30
    assert checks.max_row > 4
