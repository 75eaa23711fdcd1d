import datetime

import pytest

from onderdak.audit import selectors as audit_selectors
from onderdak.core.errors import DomainError
from onderdak.region import services
from onderdak.region.models import (
    GovernanceBody,
    Municipality,
    Organisation,
    OrganisationKind,
    PopulationFigure,
    Subregion,
)
from tests.conftest import REGION_DIR

SUBREGIONS = {
    "Leidse regio": {"GM0546", "GM0547", "GM0579", "GM0626", "GM0638"},
    "Duin- en Bollenstreek": {"GM0534", "GM0537", "GM0553", "GM0575", "GM1525"},
    "Rijnstreek": {"GM0484", "GM1884", "GM0569"},
}


def test_region_has_thirteen_municipalities_in_the_right_subregions(region):
    found = {
        s.name: {m.cbs_code for m in s.municipalities.all()}
        for s in Subregion.objects.filter(region=region)
    }
    assert found == SUBREGIONS
    assert Municipality.objects.filter(region=region).count() == 13


def test_official_name_of_alphen_is_used(region):
    assert Municipality.objects.get(cbs_code="GM0484").name == "Alphen aan den Rijn"


def test_region_has_the_23_care_providers_and_the_corporations(region):
    kinds = Organisation.objects.filter(region=region)
    assert kinds.filter(kind=OrganisationKind.CARE_PROVIDER).count() == 23
    assert {"Portaal", "De Sleutels", "Ons Doel", "Woonforte", "Stek", "Dunavie"} <= set(
        kinds.filter(kind=OrganisationKind.HOUSING_CORPORATION).values_list("name", flat=True)
    )
    assert kinds.filter(kind=OrganisationKind.MUNICIPALITY).count() == 13


def test_every_municipality_has_a_boundary_and_a_sourced_population(region):
    for municipality in Municipality.objects.filter(region=region):
        assert municipality.boundary["type"] in {"Polygon", "MultiPolygon"}
        figure = municipality.population_figures.get()
        assert figure.population > 0
        assert figure.source_url.startswith("https://")


def test_governance_bodies_are_loaded_with_their_roles(region):
    bodies = GovernanceBody.objects.filter(region=region)
    assert bodies.count() == 6
    team = bodies.get(short_name="PT MZ HR")
    assert sum(r.seats for r in team.roles.all()) == 7


def test_loading_twice_changes_nothing(region):
    before = (Organisation.objects.count(), PopulationFigure.objects.count())
    services.region_load(directory=REGION_DIR)
    assert (Organisation.objects.count(), PopulationFigure.objects.count()) == before


def test_organisation_create_validates_and_is_audited(region):
    organisation = services.organisation_create(
        region=region, kind=OrganisationKind.CARE_PROVIDER, name="Nieuwe Zorgpartner"
    )
    entries = audit_selectors.log_entry_list(
        filters=audit_selectors.TrailFilter(object_id=str(organisation.pk))
    )
    assert entries.filter(content_type__model="organisation").count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "x" * 151}, "name"),
        ({"name": ""}, "name"),
        ({"kind": "bakery"}, "kind"),
        ({"website": "not a url"}, "website"),
        ({"name": "De Binnenvest"}, "__all__"),
    ],
)
def test_organisation_create_refuses_bad_input_without_writing(region, changes, field):
    before = Organisation.objects.count()
    arguments = {"region": region, "kind": OrganisationKind.CARE_PROVIDER, "name": "Ok"} | changes
    with pytest.raises(DomainError) as error:
        services.organisation_create(**arguments)
    assert field in error.value.fields or (field == "__all__" and error.value.fields)
    assert Organisation.objects.count() == before


def test_population_figure_keeps_earlier_figures(region):
    leiden = Municipality.objects.get(cbs_code="GM0546")
    services.population_figure_record(
        municipality=leiden,
        reference_date=datetime.date(2025, 1, 1),
        population=131000,
        source_url="https://opendata.cbs.nl/statline/#/CBS/nl/dataset/03759ned",
    )
    assert leiden.population_figures.count() == 2


def test_population_figure_refuses_a_second_figure_for_the_same_date(region):
    leiden = Municipality.objects.get(cbs_code="GM0546")
    with pytest.raises(DomainError) as error:
        services.population_figure_record(
            municipality=leiden,
            reference_date=datetime.date(2024, 1, 1),
            population=1,
            source_url="https://example.org",
        )
    assert error.value.fields
