"""The register's pages with the Django client: the list with its filters, totals and Excel, a
facility with its chart and table, creating, changing, deactivating, the facility types, and
entering figures for a month and for a year."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.capacity.models import Facility, MonthlyFigure
from onderdak.capacity.services.figures import FIGURE_FIELDS
from onderdak.region.models import Level
from tests.capacity.facilities_data import (
    example_facility,
    facility_payload,
    figure_payload,
    other_facility,
)
from tests.capacity.factories import FacilityFactory, facility_type
from tests.capacity.in_english import english  # noqa: F401

pytestmark = pytest.mark.usefixtures("facility_types", "english")


@pytest.fixture
def officer(make_member):
    return make_member(Role.POLICY_OFFICER)


@pytest.fixture
def client(login, officer, region):
    return login(officer)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- The list -------------------------------------------------------------------------------------


def test_the_list_filters_and_totals_the_places_per_type(client):
    example_facility()  # 20 places of 24/7 protected housing in the first municipality
    FacilityFactory(name="Klein", places=5, facility_type=facility_type("housing-first"))
    FacilityFactory(name="Dicht", places=7, is_active=False)
    page = client.get(reverse("capacity:facility_list"))
    assert [f.name for f in page.context["facilities"]] == [  # by municipality, type, name
        "Voorbeeldvoorziening (fictief)",
        "Klein",
    ]
    assert [(t.facilities, t.places) for t in page.context["totals"]] == [(1, 20), (1, 5)]
    assert (page.context["total_facilities"], page.context["total_places"]) == (2, 25)
    typed = client.get(reverse("capacity:facility_list"), {"soort": "housing-first", "actief": ""})
    assert [f.name for f in typed.context["facilities"]] == ["Klein"]
    inactive = client.get(reverse("capacity:facility_list"), {"actief": "no"})
    assert [f.name for f in inactive.context["facilities"]] == ["Dicht"]


def test_the_excel_download_holds_the_filtered_facilities_and_the_totals(client):
    facility = example_facility()
    other_facility()
    response = client.get(
        reverse("capacity:facility_export"), {"aanbieder": facility.provider_id, "actief": ""}
    )
    facilities, totals = load_workbook(io.BytesIO(response.content)).worksheets
    rows = list(facilities.iter_rows(min_row=5, values_only=True))
    assert [row[1] for row in rows] == [facility.name]
    assert rows[0][10] == 150  # the tariff, a number
    assert rows[0][13] == "2024-02"  # the latest month with figures
    assert next(totals.iter_rows(min_row=5, values_only=True))[1:] == (1, 20)


# --- One facility ---------------------------------------------------------------------------------


def test_a_facility_shows_its_tariff_and_figures_as_a_chart_with_its_table(client):
    facility = example_facility()
    page = client.get(reverse("capacity:facility_detail", args=[facility.pk]))
    assert "Testtarief" in page.text
    chart = page.context["chart"]
    assert chart.table.rows[0][0] == "February 2024"  # newest first
    assert [row[1][:2] for row in chart.table.rows] == [("20", "18"), ("20", "18")]
    assert "<svg" in page.text
    assert reverse("capacity:figure_month", args=[facility.pk]) + "?maand=2024-03" in page.text


def test_a_reader_sees_no_buttons_to_change(make_member, login, region):
    facility = example_facility()
    page = login(make_member(Role.GOVERNANCE_READER)).get(
        reverse("capacity:facility_detail", args=[facility.pk])
    )
    assert reverse("capacity:facility_update", args=[facility.pk]) not in page.text
    assert reverse("capacity:figure_month", args=[facility.pk]) not in page.text


def test_create_a_facility_with_the_types_usual_level(client):
    response = client.post(reverse("capacity:facility_create"), facility_payload())
    facility = Facility.objects.get(name__startswith="Nieuwe voorziening")
    assert response["Location"] == reverse("capacity:facility_detail", args=[facility.pk])
    assert (facility.level, facility.tariff_per_day, facility.places) == (Level.LOCAL, 55, 12)


def test_a_refused_facility_shows_the_error_summary_and_saves_nothing(client):
    payload = {**facility_payload(), "places": "-3", "contract_end": "2023-01-01"}
    response = client.post(reverse("capacity:facility_create"), payload)
    assert response.status_code == 200
    assert 'class="error-summary"' in response.text
    assert not Facility.objects.filter(name__startswith="Nieuwe voorziening").exists()


def test_the_services_message_lands_on_the_field(client):
    payload = {**facility_payload(), "contract_end": "2023-12-31"}
    response = client.post(reverse("capacity:facility_create"), payload)
    assert response.context["form"].errors["contract_end"] == [
        "The contract cannot end before it starts."
    ]


def test_change_a_facility(client):
    facility = example_facility()
    payload = {**facility_payload(), "name": facility.name, "places": 30}
    response = client.post(reverse("capacity:facility_update", args=[facility.pk]), payload)
    assert response.status_code == 302
    facility.refresh_from_db()
    assert (facility.places, facility.tariff_source) == (30, "Contract 2024 (test)")


def test_deactivate_and_reactivate(client):
    facility = example_facility()
    client.post(reverse("capacity:facility_deactivate", args=[facility.pk]))
    facility.refresh_from_db()
    assert facility.is_active is False
    again = client.post(reverse("capacity:facility_deactivate", args=[facility.pk]), follow=True)
    assert "The facility is inactive already." in messages_of(again)  # said, not a crash
    client.post(reverse("capacity:facility_reactivate", args=[facility.pk]))
    facility.refresh_from_db()
    assert facility.is_active is True


def test_the_facility_types_are_listed_with_their_facilities(client):
    example_facility()
    page = client.get(reverse("capacity:facility_type_list"))
    counts = {t.code: t.facility_count for t in page.context["types"]}
    assert (counts["beschermd-wonen-24-7"], counts["housing-first"], len(counts)) == (1, 0, 8)


# --- Entering figures -----------------------------------------------------------------------------


def test_a_month_shows_the_month_before_and_its_figures_to_replace(client):
    facility = example_facility()
    page = client.get(reverse("capacity:figure_month", args=[facility.pk]), {"maand": "2024-02"})
    assert page.context["month"] == datetime.date(2024, 2, 1)
    assert page.context["previous"].month == datetime.date(2024, 1, 1)
    assert page.context["form"].initial["occupied"] == 18
    assert 'role="note"' in page.text  # the month has figures: saving replaces them


def test_without_a_month_the_one_after_the_latest_is_shown(client):
    facility = example_facility()
    page = client.get(reverse("capacity:figure_month", args=[facility.pk]))
    assert page.context["month"] == datetime.date(2024, 3, 1)


def test_enter_a_month_and_see_its_warnings(client):
    facility = example_facility()
    payload = {**figure_payload(), "occupied": 25}
    response = client.post(
        reverse("capacity:figure_month", args=[facility.pk]), payload, follow=True
    )
    assert response.redirect_chain[-1][0].endswith("#maandcijfers")
    assert MonthlyFigure.objects.get(facility=facility, month="2024-03-01").occupied == 25
    said = " ".join(messages_of(response))
    assert "25" in said
    assert "20" in said


def test_a_month_in_the_future_is_an_error_of_the_form(client):
    facility = example_facility()
    payload = {**figure_payload(), "month": "2099-01"}
    response = client.post(reverse("capacity:figure_month", args=[facility.pk]), payload)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not MonthlyFigure.objects.filter(month="2099-01-01").exists()


def grid(month: str, **values) -> dict:
    return {f"m{month}_{name}": values.get(name, 1) for name in FIGURE_FIELDS}


def test_a_year_grid_saves_the_months_filled_in(client):
    facility = example_facility()
    data = {**grid("2024-03", occupied=18), **grid("2024-04", occupied=18)}
    response = client.post(reverse("capacity:figure_year", args=[facility.pk, 2024]), data)
    assert response.status_code == 302
    months = facility.monthly_figures.values_list("month", flat=True)
    assert sorted(m.month for m in months) == [1, 2, 3, 4]


def test_a_year_grid_with_a_half_filled_month_saves_nothing(client):
    facility = example_facility()
    data = {**grid("2024-03"), "m2024-04_occupied": 4}
    response = client.post(reverse("capacity:figure_year", args=[facility.pk, 2024]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["m2024-04_waiting_list"]
    assert facility.monthly_figures.count() == 2


def test_a_year_grid_shows_the_months_of_the_contract_up_to_now(client):
    facility = example_facility()
    page = client.get(reverse("capacity:figure_year", args=[facility.pk, 2023]))
    assert len(page.context["form"].months) == 12
    assert page.context["form"]["m2023-01_occupied"].initial is None
    entered = client.get(reverse("capacity:figure_year", args=[facility.pk, 2024]))
    assert entered.context["form"]["m2024-02_occupied"].initial == 18
    assert client.get(reverse("capacity:figure_year", args=[facility.pk, 2022])).status_code == 404


def test_a_care_worker_filters_by_their_own_care_provider_only(make_member, login, region):
    facility = example_facility()
    page = login(make_member(Role.CARE_WORKER)).get(reverse("capacity:facility_list"))
    choices = dict(page.context["filter_form"].fields["aanbieder"].choices)
    assert set(choices) == {"", facility.provider_id}
