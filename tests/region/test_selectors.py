import datetime

from onderdak.region import selectors, services
from onderdak.region.models import Municipality, OrganisationKind


def test_municipality_list_carries_the_newest_population_with_its_source(region):
    leiden = Municipality.objects.get(cbs_code="GM0546")
    services.population_figure_record(
        municipality=leiden,
        reference_date=datetime.date(2025, 1, 1),
        population=131_500,
        source_url="https://opendata.cbs.nl/statline/#/CBS/nl/dataset/03759ned",
    )
    row = selectors.municipality_list(region=region).get(cbs_code="GM0546")
    assert (row.population, row.population_date) == (131_500, datetime.date(2025, 1, 1))
    assert "03759ned" in row.population_source


def test_organisation_counts_per_kind(region):
    counts = selectors.organisation_counts(region=region)
    assert counts[OrganisationKind.CARE_PROVIDER] == 23
    assert counts[OrganisationKind.MUNICIPALITY] == 13


def test_inactive_organisations_are_left_out_unless_asked(region):
    organisation = selectors.organisation_list(region=region).first()
    services.organisation_update(organisation=organisation, is_active=False)
    assert organisation not in selectors.organisation_list(region=region)
    assert organisation in selectors.organisation_list(region=region, active_only=False)


def test_lists_are_scoped_to_the_region(region):
    from onderdak.region.models import Region

    other = Region.objects.create(name="Elders", slug="elders")
    assert not selectors.municipality_list(region=other).exists()
    assert not selectors.organisation_list(region=other).exists()
    assert selectors.municipality_list(region=region).count() == 13
