"""The region's indicators: the catalogue (built-in ones as the data allows, imported ones), the
indicator pages with their figures per area and period, and changing an imported indicator."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.core.errors import DomainError
from onderdak.monitor.models import Indicator
from onderdak.monitor.selectors.indicators import region_catalogue
from onderdak.monitor.selectors.indicators_catalogue import IndicatorKind, is_built_in_code
from onderdak.monitor.services.indicators import indicator_update
from tests.contingent.factories import ContingentYearFactory
from tests.monitor.dashboard_data import (
    count_with,
    imported_indicator,
    in_english,
    seeded_rows,
    two_counts,
)
from tests.monitor.html_tables import html_tables

pytestmark = pytest.mark.usefixtures("reference_values")


@pytest.fixture(autouse=True)
def _english(client):
    yield from in_english(client)


def detail(code: str) -> str:
    return reverse("monitor:indicator_detail", args=[code])


def test_built_in_indicators_appear_as_their_data_does(region):
    assert region_catalogue(region=region) == []
    count_with(seeded_rows(1))
    kinds = [info.kind for info in region_catalogue(region=region)]
    assert kinds == [IndicatorKind.COUNT] * (4 + 7)  # four, and a share per ETHOS category
    ContingentYearFactory(year=2025)
    imported_indicator(region)
    catalogue = region_catalogue(region=region)
    assert [info.code for info in catalogue][-3:] == [
        "contingent-placements-per-10000",
        "contingent-waiting-days",
        "ontruimingen",
    ]
    latest = {info.code: info.latest_period for info in catalogue}
    assert latest["contingent-waiting-days"] == "2025"
    assert latest["ontruimingen"] == "2024"


def test_built_in_codes_are_kept_apart():
    assert is_built_in_code("ethos-people")
    assert is_built_in_code("contingent-waiting-days")
    assert not is_built_in_code("ontruimingen")


def test_indicator_update_changes_what_is_given_and_nothing_else(region):
    indicator = imported_indicator(region, counts_people=False)
    saved = indicator_update(indicator=indicator, description="Per jaar", counts_people=True)
    assert (saved.name, saved.unit) == ("Ontruimingen", "huishoudens")
    assert (saved.description, saved.counts_people) == ("Per jaar", True)
    with pytest.raises(DomainError) as error:
        indicator_update(indicator=indicator, name="")
    assert "name" in error.value.fields
    assert Indicator.objects.get(pk=indicator.pk).name == "Ontruimingen"


def test_the_list_shows_every_indicator_with_its_source_and_latest_period(
    region, make_member, login
):
    count_with(seeded_rows(2))
    imported_indicator(region)
    html = login(make_member(Role.GOVERNANCE_READER)).get(reverse("monitor:indicator_list"))
    table = html_tables(html.content.decode())[0]
    rows = {row[0]: row[1:] for row in table.rows[1:]}
    assert rows["People counted"] == ["ethos-people", "people", "The ETHOS counts", "2024-04-11"]
    assert rows["Ontruimingen"] == ["ontruimingen", "huishoudens", "Imported", "2024"]


def test_an_imported_people_count_is_suppressed_on_its_page(region, make_member, login):
    imported_indicator(region, seed=3)
    policy = login(make_member(Role.POLICY_OFFICER)).get(detail("ontruimingen"))
    table = html_tables(policy.content.decode())[0]
    assert table.rows[0] == ["Area", "2023", "2024"]
    assert [row[0] for row in table.rows[-4:]] == [
        "Leidse regio",
        "Duin- en Bollenstreek",
        "Rijnstreek",
        "Holland Rijnland",
    ]
    cells = [cell for row in table.rows[1:] for cell in row[1:]]
    assert "<5" in cells
    assert "Change" in policy.content.decode()


def test_the_coordinator_sees_the_values_themselves(region, make_member, login):
    imported_indicator(region, seed=3)
    response = login(make_member(Role.REGIONAL_COORDINATOR)).get(detail("ontruimingen"))
    cells = [c for row in html_tables(response.content.decode())[0].rows[1:] for c in row[1:]]
    assert "<5" not in cells
    assert "x" not in cells
    assert "Change" not in response.content.decode()  # a coordinator does not edit indicators


def test_a_built_in_indicator_has_a_column_per_count(make_member, login):
    two_counts()
    response = login(make_member(Role.MUNICIPALITY_OFFICER)).get(detail("ethos-per-10000"))
    table = html_tables(response.content.decode())[0]
    assert len(table.rows[0]) == 1 + 2
    assert len(table.rows) == 1 + 13 + 3 + 1


def test_an_unknown_indicator_is_not_found(make_member, login):
    client = login(make_member(Role.POLICY_OFFICER))
    assert client.get(detail("bestaat-niet")).status_code == 404
    count_with(seeded_rows(3))
    edit = reverse("monitor:indicator_update", args=["ethos-people"])
    assert client.get(edit).status_code == 404  # built-in: nothing to change


def test_a_policy_officer_changes_an_imported_indicator(region, make_member, login):
    imported_indicator(region, counts_people=False)
    client = login(make_member(Role.POLICY_OFFICER))
    url = reverse("monitor:indicator_update", args=["ontruimingen"])
    data = {"name": "Ontruimingen per jaar", "unit": "huishoudens", "description": "Uit het CBS"}
    response = client.post(url, {**data, "counts_people": "on"})
    assert response.status_code == 302
    assert response["Location"] == detail("ontruimingen")
    indicator = Indicator.objects.get(code="ontruimingen")
    assert (indicator.name, indicator.counts_people) == ("Ontruimingen per jaar", True)
    invalid = client.post(url, {**data, "name": ""})
    assert invalid.status_code == 200
    assert 'class="error-summary"' in invalid.content.decode()
    assert Indicator.objects.get(code="ontruimingen").name == "Ontruimingen per jaar"


def test_a_change_is_in_the_audit_trail(region):
    indicator = imported_indicator(region, counts_people=True)
    indicator_update(indicator=indicator, counts_people=False)
    entry = LogEntry.objects.get_for_object(indicator).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict["counts_people"] == [True, False]
