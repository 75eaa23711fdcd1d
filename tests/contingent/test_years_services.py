"""Writes to a contingent year: targets per stream, the key and its split, changes by hand with a
reason, the spread, the checklists and the reasons to decline. Bad input saves nothing."""

import pytest

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineParty,
    DeclineReason,
    EligibilityCriterion,
    SpreadTarget,
    Stream,
)
from onderdak.contingent.selectors.years import corporations as corporation_list
from onderdak.contingent.services import years as services
from onderdak.core.errors import Conflict, DomainError
from onderdak.region.models import Municipality, Region
from tests.contingent.factories import ContingentYearFactory, NominationFactory, municipality

OUTFLOW, PREVENTION = Stream.OUTFLOW, Stream.PREVENTION


@pytest.fixture
def coordinator(make_member):
    return make_member(Role.REGIONAL_COORDINATOR)


@pytest.fixture
def year(region):
    return ContingentYearFactory(region=region)


@pytest.fixture
def corporations(region):
    return list(corporation_list(region=region))


def keyed(year, corporations, coordinator, weights=(3, 2, 1)):
    """The year with a key over the first corporations (stocks in proportion to ``weights``)."""
    stocks = [
        {"corporation": c, "dwellings": w * 1000}
        for c, w in zip(corporations, weights, strict=False)
    ]
    services.stocks_replace(
        contingent_year=year, stocks=stocks, key_source="Fictieve bron", by=coordinator
    )
    year.refresh_from_db()
    return year


def targets_of(year) -> dict:
    return {
        (t.corporation.name, t.stream): (t.computed, t.target)
        for t in CorporationTarget.objects.filter(contingent_year=year).select_related(
            "corporation"
        )
    }


# --- The year ------------------------------------------------------------------------------------


def test_create_a_year_with_its_policy(region, coordinator):
    year = services.contingent_year_create(
        region=region,
        year=2026,
        total=250,
        outflow_target=200,
        prevention_target=50,
        by=coordinator,
        review_days=5,
        evaluation_months=[3, 6, 12, 24],
    )
    assert (year.year, year.total, year.review_days, year.version) == (2026, 250, 5, 1)
    assert year.evaluation_months == [3, 6, 12, 24]


def test_stream_targets_must_add_up_to_the_total(region, coordinator):
    with pytest.raises(DomainError) as error:
        services.contingent_year_create(
            region=region,
            year=2026,
            total=250,
            outflow_target=200,
            prevention_target=40,
            by=coordinator,
        )
    assert "add up to 240 (200 + 40), not to the total of 250" in error.value.fields["total"][0]
    assert not ContingentYear.objects.filter(year=2026).exists()


def test_a_year_exists_once_per_region(region, year, coordinator):
    with pytest.raises(DomainError) as error:
        services.contingent_year_create(
            region=region,
            year=year.year,
            total=10,
            outflow_target=5,
            prevention_target=5,
            by=coordinator,
        )
    assert error.value.fields["year"] == ["There is already a contingent for this year."]


def test_bad_evaluation_months_are_refused(region, coordinator):
    with pytest.raises(DomainError) as error:
        services.contingent_year_create(
            region=region,
            year=2026,
            total=2,
            outflow_target=1,
            prevention_target=1,
            by=coordinator,
            evaluation_months=[6, 3],
        )
    assert "evaluation_months" in error.value.fields


def test_an_unknown_field_is_a_programming_error(region, year, coordinator):
    with pytest.raises(TypeError, match="region"):
        services.contingent_year_update(
            contingent_year=year, expected_version=1, by=coordinator, region=region
        )


def test_update_bumps_the_version_and_refuses_a_stale_one(year, coordinator):
    updated = services.contingent_year_update(
        contingent_year=year, expected_version=1, by=coordinator, answer_days=7
    )
    assert (updated.answer_days, updated.version) == (7, 2)
    with pytest.raises(Conflict) as error:
        services.contingent_year_update(
            contingent_year=year, expected_version=1, by=coordinator, answer_days=9
        )
    assert error.value.code == "stale"
    year.refresh_from_db()
    assert year.answer_days == 7


def test_new_stream_targets_recompute_the_split(year, corporations, coordinator):
    keyed(year, corporations, coordinator)
    services.contingent_year_update(
        contingent_year=year,
        expected_version=year.version,
        by=coordinator,
        total=120,
        outflow_target=60,
        prevention_target=60,
    )
    sums = {OUTFLOW: 0, PREVENTION: 0}
    for target in CorporationTarget.objects.filter(contingent_year=year):
        sums[target.stream] += target.target
        assert target.target == target.computed
    assert sums == {OUTFLOW: 60, PREVENTION: 60}


# --- The key and the split -----------------------------------------------------------------------


def test_the_key_splits_each_stream_exactly(year, corporations, coordinator):
    year = keyed(year, corporations, coordinator)
    a, b, c = (corp.name for corp in corporations[:3])
    assert targets_of(year) == {
        (a, OUTFLOW): (100, 100),
        (a, PREVENTION): (25, 25),
        (b, OUTFLOW): (67, 67),
        (b, PREVENTION): (17, 17),
        (c, OUTFLOW): (33, 33),
        (c, PREVENTION): (8, 8),
    }
    assert year.key_source == "Fictieve bron"
    assert year.version == 2


def test_a_key_of_only_zeros_is_refused_and_saves_nothing(year, corporations, coordinator):
    stocks = [{"corporation": c, "dwellings": 0} for c in corporations]
    with pytest.raises(DomainError) as error:
        services.stocks_replace(contingent_year=year, stocks=stocks, key_source="x", by=coordinator)
    assert "at least one corporation" in error.value.fields["stocks"][0]
    assert not CorporationStock.objects.filter(contingent_year=year).exists()


def test_a_corporation_twice_is_refused(year, corporations, coordinator):
    stocks = [{"corporation": corporations[0], "dwellings": n} for n in (5, 6)]
    with pytest.raises(DomainError) as error:
        services.stocks_replace(contingent_year=year, stocks=stocks, key_source="x", by=coordinator)
    assert error.value.fields == {"stocks.1": ["This corporation is in the list twice."]}


def test_a_care_provider_is_no_corporation(year, corporations, coordinator, make_member):
    provider = make_member(Role.CARE_WORKER).active_memberships[0].organisation
    stocks = [
        {"corporation": corporations[0], "dwellings": 5},
        {"corporation": provider, "dwellings": 5},
    ]
    with pytest.raises(DomainError) as error:
        services.stocks_replace(contingent_year=year, stocks=stocks, key_source="x", by=coordinator)
    assert "Choose a housing corporation." in error.value.fields["stocks.1.corporation"]
    assert not CorporationStock.objects.exists()


def test_a_negative_stock_is_refused(year, corporations, coordinator):
    stocks = [{"corporation": corporations[0], "dwellings": -4}]
    with pytest.raises(DomainError) as error:
        services.stocks_replace(contingent_year=year, stocks=stocks, key_source="x", by=coordinator)
    assert "stocks.0.dwellings" in error.value.fields


def test_a_new_key_discards_changes_by_hand_only_when_confirmed(year, corporations, coordinator):
    year = keyed(year, corporations, coordinator)
    a, b = corporations[:2]
    services.targets_change(
        contingent_year=year,
        targets=[
            {"corporation": a, "stream": OUTFLOW, "target": 99, "change_reason": "Afspraak"},
            {"corporation": b, "stream": OUTFLOW, "target": 68, "change_reason": "Afspraak"},
        ],
        by=coordinator,
    )
    stocks = [{"corporation": a, "dwellings": 1}, {"corporation": b, "dwellings": 1}]
    with pytest.raises(Conflict) as error:
        services.stocks_replace(contingent_year=year, stocks=stocks, key_source="y", by=coordinator)
    assert error.value.code == "confirm_recompute"
    assert "2 targets were changed by hand" in error.value.message
    assert CorporationStock.objects.filter(contingent_year=year).count() == 3

    services.stocks_replace(
        contingent_year=year, stocks=stocks, key_source="y", by=coordinator, confirm_recompute=True
    )
    assert targets_of(year) == {
        (a.name, OUTFLOW): (100, 100),
        (a.name, PREVENTION): (25, 25),
        (b.name, OUTFLOW): (100, 100),
        (b.name, PREVENTION): (25, 25),
    }


# --- Changes by hand -----------------------------------------------------------------------------


def test_changed_targets_need_a_reason(year, corporations, coordinator):
    year = keyed(year, corporations, coordinator)
    a, b = corporations[:2]
    with pytest.raises(DomainError) as error:
        services.targets_change(
            contingent_year=year,
            targets=[
                {"corporation": a, "stream": OUTFLOW, "target": 101, "change_reason": ""},
                {"corporation": b, "stream": OUTFLOW, "target": 66, "change_reason": ""},
            ],
            by=coordinator,
        )
    assert error.value.fields == {
        "targets.0.change_reason": ["Give a reason for changing the share the key gives."]
    }
    assert targets_of(year)[(a.name, OUTFLOW)] == (100, 100)


def test_changed_targets_must_still_add_up_per_stream(year, corporations, coordinator):
    year = keyed(year, corporations, coordinator)
    a = corporations[0]
    with pytest.raises(DomainError) as error:
        services.targets_change(
            contingent_year=year,
            targets=[
                {"corporation": a, "stream": OUTFLOW, "target": 90, "change_reason": "Minder"}
            ],
            by=coordinator,
        )
    message = error.value.fields["targets"][0]
    assert "outflow (uitstroom) add up to 190" in message
    assert "target of 200" in message
    assert targets_of(year)[(a.name, OUTFLOW)] == (100, 100)


def test_targets_moved_between_corporations_with_a_reason(year, corporations, coordinator):
    year = keyed(year, corporations, coordinator)
    a, b = corporations[:2]
    services.targets_change(
        contingent_year=year,
        targets=[
            {"corporation": a, "stream": PREVENTION, "target": 20, "change_reason": "Ruil"},
            {"corporation": b, "stream": PREVENTION, "target": 22, "change_reason": "Ruil"},
        ],
        by=coordinator,
    )
    target = CorporationTarget.objects.get(contingent_year=year, corporation=a, stream=PREVENTION)
    assert (target.computed, target.target, target.change_reason) == (25, 20, "Ruil")
    year.refresh_from_db()
    assert year.version == 3


def test_a_target_back_at_the_key_loses_its_reason(year, corporations, coordinator):
    year = keyed(year, corporations, coordinator)
    a = corporations[0]
    services.targets_change(
        contingent_year=year,
        targets=[{"corporation": a, "stream": OUTFLOW, "target": 100, "change_reason": "Oud"}],
        by=coordinator,
    )
    target = CorporationTarget.objects.get(contingent_year=year, corporation=a, stream=OUTFLOW)
    assert target.change_reason == ""


def test_a_target_without_a_key_is_refused(year, corporations, coordinator):
    with pytest.raises(DomainError) as error:
        services.targets_change(
            contingent_year=year,
            targets=[
                {
                    "corporation": corporations[0],
                    "stream": OUTFLOW,
                    "target": 1,
                    "change_reason": "x",
                }
            ],
            by=coordinator,
        )
    assert "enter the key first" in error.value.fields["targets.0"][0]


def test_a_stale_split_is_refused(year, corporations, coordinator):
    year = keyed(year, corporations, coordinator)
    with pytest.raises(Conflict):
        services.targets_change(
            contingent_year=year, targets=[], by=coordinator, expected_version=1
        )


# --- Spread --------------------------------------------------------------------------------------


def test_spread_targets_are_replaced(year, coordinator):
    leiden, alphen = municipality(), municipality("GM0484")
    services.spread_targets_replace(
        contingent_year=year, targets=[{"municipality": leiden, "target": 30}], by=coordinator
    )
    services.spread_targets_replace(
        contingent_year=year, targets=[{"municipality": alphen, "target": 20}], by=coordinator
    )
    assert list(SpreadTarget.objects.values_list("municipality__cbs_code", "target")) == [
        ("GM0484", 20)
    ]


def test_a_municipality_of_another_region_is_refused(year, coordinator):
    other = Region.objects.create(name="Elders", slug="elders")
    subregion = other.subregions.create(name="Elders-Noord", slug="elders-noord")
    stranger = Municipality.objects.create(
        region=other, subregion=subregion, name="Ergens", cbs_code="GM9999"
    )
    with pytest.raises(DomainError) as error:
        services.spread_targets_replace(
            contingent_year=year, targets=[{"municipality": stranger, "target": 3}], by=coordinator
        )
    assert error.value.fields == {"targets.0": ["Ergens is not part of the region."]}


# --- Criteria ------------------------------------------------------------------------------------


def criteria(year, stream=OUTFLOW) -> list[str]:
    return list(
        EligibilityCriterion.objects.filter(contingent_year=year, stream=stream).values_list(
            "text", flat=True
        )
    )


def test_criteria_are_replaced_in_order(year, coordinator):
    services.criteria_replace(
        contingent_year=year, stream=OUTFLOW, texts=["Woonvaardig", "Begeleiding"], by=coordinator
    )
    services.criteria_replace(
        contingent_year=year,
        stream=OUTFLOW,
        texts=["Begeleiding ", "Inkomen", "Woonvaardig"],
        by=coordinator,
    )
    assert criteria(year) == ["Begeleiding", "Inkomen", "Woonvaardig"]
    assert criteria(year, PREVENTION) == []


def test_a_ticked_criterion_cannot_be_removed(year, coordinator):
    [ticked, _free] = services.criteria_replace(
        contingent_year=year, stream=OUTFLOW, texts=["Woonvaardig", "Begeleiding"], by=coordinator
    )
    NominationFactory(contingent_year=year).criteria_met.add(ticked)
    with pytest.raises(Conflict) as error:
        services.criteria_replace(
            contingent_year=year, stream=OUTFLOW, texts=["Begeleiding"], by=coordinator
        )
    assert "Woonvaardig" in error.value.message
    assert criteria(year) == ["Woonvaardig", "Begeleiding"]
    services.criteria_replace(
        contingent_year=year, stream=OUTFLOW, texts=["Woonvaardig"], by=coordinator
    )
    assert criteria(year) == ["Woonvaardig"]


def test_criteria_twice_or_empty_are_refused(year, coordinator):
    with pytest.raises(DomainError) as error:
        services.criteria_replace(
            contingent_year=year, stream=OUTFLOW, texts=["A", "A"], by=coordinator
        )
    assert error.value.fields == {"texts.1": ["This criterion is in the list twice."]}
    with pytest.raises(DomainError) as error:
        services.criteria_replace(contingent_year=year, stream=OUTFLOW, texts=[" "], by=coordinator)
    assert "texts.0.text" in error.value.fields
    with pytest.raises(DomainError):
        services.criteria_replace(contingent_year=year, stream="both", texts=["A"], by=coordinator)


# --- Reasons to decline --------------------------------------------------------------------------


def test_decline_reasons_are_created_and_changed(region, coordinator):
    reason = services.decline_reason_create(
        region=region, label="Te ver van het netwerk", party=DeclineParty.PROVIDER, by=coordinator
    )
    changed = services.decline_reason_update(
        decline_reason=reason, by=coordinator, is_valid=False, is_active=False
    )
    assert (changed.label, changed.is_valid, changed.is_active) == (
        "Te ver van het netwerk",
        False,
        False,
    )


def test_a_decline_reason_label_is_unique_in_the_region(region, coordinator):
    services.decline_reason_create(region=region, label="Dubbel", party="both", by=coordinator)
    with pytest.raises(DomainError) as error:
        services.decline_reason_create(region=region, label="Dubbel", party="both", by=coordinator)
    assert error.value.fields == {"label": ["This reason is already on the list."]}
    with pytest.raises(DomainError) as error:
        services.decline_reason_create(region=region, label="X", party="nobody", by=coordinator)
    assert "party" in error.value.fields
    assert DeclineReason.objects.filter(region=region).count() == 1
