"""The plan's writes: its period, its lines as a grid (every check and bad input), the rights of a
municipality officer, and the baseline from the facility register."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.utils import translation

from onderdak.capacity.models import CapacityPlan, PlanLine
from onderdak.capacity.models.facilities import MAX_PLACES
from onderdak.capacity.services import plans as services
from onderdak.capacity.services.plans import PlanEntry
from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.region.models import Municipality, Region
from tests.capacity.factories import FacilityFactory, facility_type
from tests.capacity.plans_data import (
    example_plan,
    leiden,
    municipality_officer_of,
    plan_places,
    planner,
)

pytestmark = pytest.mark.usefixtures("facility_types")


def entry(year=2024, places=10, municipality=None, code="housing-first", note=None):
    return PlanEntry(municipality or leiden(), facility_type(code), year, places, note)


def line_places(plan) -> dict:
    return {
        (ln.municipality.cbs_code, ln.facility_type.code, ln.year): ln.places
        for ln in plan.lines.select_related("municipality", "facility_type")
    }


def test_a_plan_runs_from_2023_to_2032_by_default(region):
    plan = services.capacity_plan_create(region=region)
    assert (plan.first_year, plan.last_year) == (2023, 2032)


def test_a_region_has_one_plan(region):
    example_plan(region)
    with pytest.raises(Conflict):
        services.capacity_plan_create(region=region)


@pytest.mark.parametrize(
    ("first", "last", "field"),
    [(2030, 2025, "last_year"), (2023, 2060, "last_year"), (1990, 2000, "first_year")],
)
def test_a_plan_period_must_make_sense(region, first, last, field):
    with pytest.raises(DomainError) as caught:
        services.capacity_plan_create(region=region, first_year=first, last_year=last)
    assert field in caught.value.fields
    assert not CapacityPlan.objects.exists()


def test_a_shorter_period_is_refused_while_lines_lie_outside_it(region):
    plan = example_plan(region)
    plan_places(plan, {2031: 5})
    with pytest.raises(DomainError, match="2031"):
        services.capacity_plan_update(plan=plan, first_year=2023, last_year=2030)
    plan.refresh_from_db()
    assert plan.last_year == 2032
    updated = services.capacity_plan_update(plan=plan, first_year=2024, last_year=2031, notes="x")
    assert (updated.first_year, updated.last_year, updated.notes) == (2024, 2031, "x")


def test_lines_are_created_changed_and_cleared_in_one_save(region):
    plan = example_plan(region)
    user = planner()
    services.plan_lines_save(
        plan=plan, entries=[entry(2023, 4), entry(2024, 6), entry(2025, 8)], by=user
    )
    saved = services.plan_lines_save(
        plan=plan,
        entries=[entry(2023, 4), entry(2024, 7), entry(2025, None), entry(2026, 9)],
        by=user,
    )
    assert (saved.created, saved.changed, saved.cleared) == (1, 1, 1)
    assert line_places(plan) == {
        ("GM0546", "housing-first", 2023): 4,
        ("GM0546", "housing-first", 2024): 7,
        ("GM0546", "housing-first", 2026): 9,
    }
    assert PlanLine.objects.get(year=2024).updated_by == user


def test_a_grid_without_its_note_keeps_the_note(region):
    plan = example_plan(region)
    services.plan_lines_save(plan=plan, entries=[entry(places=5, note="besluit")], by=planner())
    services.plan_lines_save(plan=plan, entries=[entry(places=6)], by=planner())
    line = PlanLine.objects.get()
    assert (line.places, line.note) == (6, "besluit")


def test_each_changed_line_is_in_the_audit_trail(region):
    plan, user = example_plan(region), planner()
    services.plan_lines_save(plan=plan, entries=[entry(places=5)], by=user)
    before = LogEntry.objects.count()
    services.plan_lines_save(plan=plan, entries=[entry(places=5), entry(2025, 3)], by=user)
    added = LogEntry.objects.order_by("pk")[before:]
    assert [entry.object_repr for entry in added] == [str(PlanLine.objects.get(year=2025))]


def other_region_municipality() -> Municipality:
    other = Region.objects.create(name="Andere regio", slug="andere-regio")
    subregion = other.subregions.create(name="Ergens", slug="ergens")
    return Municipality.objects.create(
        region=other, subregion=subregion, cbs_code="GM9999", name="Elders"
    )


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        (lambda: entry(places=-1), "places", "Places cannot be negative."),
        (lambda: entry(year=2022), "year", "The plan runs from 2023 to 2032."),
        (lambda: entry(year=2033), "year", "The plan runs from 2023 to 2032."),
        (lambda: entry(places=MAX_PLACES + 1), "places", "less than or equal to 10000"),
        (
            lambda: entry(municipality=other_region_municipality()),
            "municipality",
            "This municipality is not part of the region.",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_saved(
    region, bad, field, message
):
    plan = example_plan(region)
    entries = [entry(2023, 4), bad()]
    with translation.override("en"), pytest.raises(DomainError) as caught:
        services.plan_lines_save(plan=plan, entries=entries, by=planner())
    messages = caught.value.fields[f"lines.1.{field}"]
    assert any(message in m for m in messages), messages
    assert not PlanLine.objects.exists()


def test_the_same_cell_twice_is_refused(region):
    plan = example_plan(region)
    with pytest.raises(DomainError) as caught:
        services.plan_lines_save(plan=plan, entries=[entry(), entry(places=3)], by=planner())
    assert "lines.1.places" in caught.value.fields


def test_a_municipality_officer_changes_only_their_own_municipality(region):
    plan = example_plan(region)
    officer = municipality_officer_of(leiden())
    services.plan_lines_save(plan=plan, entries=[entry()], by=officer)
    katwijk = Municipality.objects.get(cbs_code="GM0537")
    with pytest.raises(Forbidden, match="Katwijk"):
        services.plan_lines_save(
            plan=plan, entries=[entry(2025), entry(municipality=katwijk)], by=officer
        )
    assert line_places(plan) == {("GM0546", "housing-first", 2024): 10}


def test_readers_change_nothing(region, make_member):
    plan = example_plan(region)
    with pytest.raises(Forbidden):
        services.plan_lines_save(plan=plan, entries=[entry()], by=make_member("governance_reader"))


def test_the_baseline_comes_from_the_facilities_under_contract(region):
    plan = example_plan(region)
    katwijk = Municipality.objects.get(cbs_code="GM0537")
    for places, fields in [
        (12, {}),
        (8, {}),
        (50, {"is_active": False}),
        (70, {"contract_start": datetime.date(2024, 1, 1)}),
        (
            90,
            {
                "contract_start": datetime.date(2020, 1, 1),
                "contract_end": datetime.date(2022, 12, 31),
            },
        ),
    ]:
        FacilityFactory(places=places, municipality=leiden(), **fields)
    FacilityFactory(places=5, municipality=katwijk, facility_type=facility_type("nachtopvang"))
    plan_places(plan, {2023: 99, 2024: 99}, facility_type_code="housing-first")
    saved = services.plan_baseline_fill(plan=plan, by=planner())
    assert saved.created == 2
    assert line_places(plan) == {
        ("GM0546", "beschermd-wonen-24-7", 2023): 20,
        ("GM0537", "nachtopvang", 2023): 5,
        ("GM0546", "housing-first", 2023): 99,
        ("GM0546", "housing-first", 2024): 99,
    }
