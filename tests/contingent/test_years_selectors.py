"""Reads of contingent years: realised per corporation and stream, rows for every corporation
involved, reasons per party, and a fixed number of queries."""

import pytest

from onderdak.accounts.models import Role
from onderdak.contingent.models import DeclineParty, Stream
from onderdak.contingent.selectors import years as selectors
from onderdak.contingent.services import years as services
from onderdak.core.errors import NotFound
from tests.contingent.factories import (
    ContingentYearFactory,
    DeclineReasonFactory,
    PlacementFactory,
    corporation,
)

OUTFLOW, PREVENTION = Stream.OUTFLOW, Stream.PREVENTION


@pytest.fixture
def coordinator(make_member):
    return make_member(Role.REGIONAL_COORDINATOR)


@pytest.fixture
def year(region, coordinator):
    year = ContingentYearFactory(region=region)
    services.stocks_replace(
        contingent_year=year,
        stocks=[{"corporation": corporation(0), "dwellings": 1}],
        key_source="Bron",
        by=coordinator,
    )
    return year


def placed(corp, stream, contingent_year=None):
    extra = {"proposal__nomination__contingent_year": contingent_year} if contingent_year else {}
    return PlacementFactory(
        proposal__dwelling__corporation=corp, proposal__nomination__stream=stream, **extra
    )


def test_realised_per_corporation_and_stream(region, year):
    placed(corporation(0), OUTFLOW)
    placed(corporation(0), OUTFLOW)
    placed(corporation(0), PREVENTION)
    placed(corporation(1), PREVENTION)
    placed(corporation(0), OUTFLOW, ContingentYearFactory(region=region, year=2024))
    detail = selectors.year_detail(region=region, year=2025)
    shares = {
        (row.corporation.pk, stream): (share.target, share.realised)
        for row in detail.rows
        for stream, share in row.shares.items()
    }
    assert shares == {
        (corporation(0).pk, OUTFLOW): (200, 2),
        (corporation(0).pk, PREVENTION): (50, 1),
        (corporation(1).pk, OUTFLOW): (None, 0),
        (corporation(1).pk, PREVENTION): (None, 1),
    }
    assert [(s.stream, s.target, s.assigned, s.realised) for s in detail.streams] == [
        (OUTFLOW, 200, 200, 2),
        (PREVENTION, 50, 50, 2),
    ]
    assert detail.realised == 4


def test_rows_are_sorted_by_corporation_name(region, year):
    placed(corporation(3), OUTFLOW)
    placed(corporation(1), OUTFLOW)
    names = [row.corporation.name for row in selectors.year_detail(region=region, year=2025).rows]
    assert names == sorted(names)
    assert len(names) == 3


def test_year_detail_is_a_fixed_number_of_queries(region, year, django_assert_num_queries):
    for index in range(6):
        placed(corporation(index), OUTFLOW if index % 2 else PREVENTION)
    with django_assert_num_queries(6):
        detail = selectors.year_detail(region=region, year=2025)
        [share.realised for row in detail.rows for share in row.shares.values()]


def test_a_year_of_another_region_or_none_is_not_found(region, year):
    with pytest.raises(NotFound):
        selectors.year_detail(region=region, year=1999)
    assert selectors.year_or_none(region=region, year=1999) is None


def test_decline_reasons_for_a_party(region):
    DeclineReasonFactory(label="Voor beide", party=DeclineParty.BOTH, position=2)
    DeclineReasonFactory(label="Voor de aanbieder", party=DeclineParty.PROVIDER, position=1)
    DeclineReasonFactory(label="Voor de corporatie", party=DeclineParty.CORPORATION)
    DeclineReasonFactory(label="Oud", party=DeclineParty.BOTH, is_active=False)
    labels = [r.label for r in selectors.decline_reasons(region=region, party="provider")]
    assert labels == ["Voor de aanbieder", "Voor beide"]
    everything = selectors.decline_reasons(region=region, active_only=False)
    assert everything.count() == 4


def test_without_realised_no_placement_is_counted(region, year, django_assert_num_queries):
    placed(corporation(0), OUTFLOW)
    with django_assert_num_queries(5):
        detail = selectors.year_detail(region=region, year=2025, with_realised=False)
    assert not detail.shows_realised
    assert detail.realised is None
    assert [s.realised for s in detail.streams] == [None, None]
    assert all(s.realised == 0 for row in detail.rows for s in row.shares.values())
