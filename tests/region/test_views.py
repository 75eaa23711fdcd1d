"""Region pages: content, and forms that refuse bad input with field errors and write nothing."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.region.models import Organisation, PopulationFigure


@pytest.fixture
def coordinator(region, make_member, login):
    return login(make_member(Role.REGIONAL_COORDINATOR))


def test_overview_shows_the_map_and_the_table_behind_it(coordinator):
    html = coordinator.get(reverse("region:overview")).content.decode()
    assert html.count("<path ") == 13
    assert html.count('<th scope="row">') >= 13
    assert "Alphen aan den Rijn" in html


def test_organisation_list_filters_by_kind(coordinator):
    response = coordinator.get(reverse("region:organisation_list"), {"soort": "care_provider"})
    assert len(response.context["organisations"]) == 23
    unknown = coordinator.get(reverse("region:organisation_list"), {"soort": "bakery"})
    assert (
        len(unknown.context["organisations"]) == Organisation.objects.filter(is_active=True).count()
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "care_provider"}, "name"),
        ({"name": "x" * 151, "kind": "care_provider"}, "name"),
        ({"name": "Ok", "kind": "bakery"}, "kind"),
        ({"name": "Ok", "kind": "care_provider", "website": "geen url"}, "website"),
        ({"name": "Ok", "kind": "care_provider", "municipality": "999999"}, "municipality"),
    ],
)
def test_organisation_form_refuses_bad_input(coordinator, data, field):
    before = Organisation.objects.count()
    response = coordinator.post(reverse("region:organisation_create"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Organisation.objects.count() == before


def test_organisation_form_refuses_a_duplicate_name(coordinator):
    response = coordinator.post(
        reverse("region:organisation_create"), {"name": "De Brug", "kind": "care_provider"}
    )
    assert response.context["form"].errors


def test_organisation_update_changes_only_what_changed(coordinator):
    organisation = Organisation.objects.get(name="Dunavie")
    data = {"name": "Dunavie", "kind": "housing_corporation", "municipality": "", "is_active": "on"}
    response = coordinator.post(reverse("region:organisation_update", args=[organisation.pk]), data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.municipality is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (
            {"reference_date": "2025-02-30", "population": "1", "source_url": "https://a.nl"},
            "reference_date",
        ),
        (
            {"reference_date": "2025-01-01", "population": "-1", "source_url": "https://a.nl"},
            "population",
        ),
        (
            {"reference_date": "2025-01-01", "population": "veel", "source_url": "https://a.nl"},
            "population",
        ),
        ({"reference_date": "2025-01-01", "population": "1", "source_url": ""}, "source_url"),
    ],
)
def test_population_form_refuses_bad_input(coordinator, data, field):
    before = PopulationFigure.objects.count()
    url = reverse("region:population_create", args=["GM0546"])
    response = coordinator.post(url, data)
    assert field in response.context["form"].errors
    assert PopulationFigure.objects.count() == before


def test_population_form_for_an_unknown_municipality_is_404(coordinator):
    assert coordinator.get(reverse("region:population_create", args=["GM9999"])).status_code == 404
