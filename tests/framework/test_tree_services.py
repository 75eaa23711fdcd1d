"""Writes of the framework and its tree: periods, owners and levels, parents in the same
framework, moves, deletes, indicators; bad input refused with nothing half-saved."""

import datetime
from decimal import Decimal

import pytest

from onderdak.accounts.models import Role
from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.framework.models import Action, ActionTarget, Theme
from onderdak.framework.models.reference import TITLE_LENGTH
from onderdak.framework.services import frameworks as framework_services
from onderdak.framework.services import tree as services
from onderdak.region.models import Municipality, Organisation
from tests.framework.factories import (
    ActionFactory,
    AmbitionFactory,
    FrameworkFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.usefixtures("policy_domains")


@pytest.fixture
def leader(make_member):
    return make_member(Role.POLICY_OFFICER)


def new_action(leader, ambition, **fields):
    return services.action_create(user=leader, ambition=ambition, title="Actie", **fields)


def test_a_framework_is_made_and_its_vision_cleaned(region, leader):
    framework = framework_services.framework_create(
        user=leader,
        region=region,
        title=" Kader ",
        first_year=2026,
        last_year=2031,
        vision='<p onclick="x()">Thuis</p><script>alert(1)</script>',
    )
    assert (framework.title, framework.vision) == ("Kader", "<p>Thuis</p>")


def test_only_editors_make_and_change_frameworks(region, make_member):
    reader = make_member(Role.GOVERNANCE_READER)
    with pytest.raises(Forbidden):
        framework_services.framework_create(
            user=reader, region=region, title="X", first_year=2026, last_year=2031
        )
    with pytest.raises(Forbidden):
        services.theme_create(user=reader, framework=FrameworkFactory(), title="X")


def test_a_period_that_would_leave_actions_outside_is_refused(region, leader):
    action = ActionFactory()
    framework = action.ambition.theme.framework
    with pytest.raises(DomainError) as error:
        framework_services.framework_update(user=leader, framework=framework, first_year=2027)
    assert "first_year" in error.value.fields
    framework.refresh_from_db()
    assert framework.first_year == 2026


def test_items_are_placed_last_and_moved(region, leader):
    framework = FrameworkFactory()
    first, second, third = (
        services.theme_create(user=leader, framework=framework, title=t) for t in "ABC"
    )
    assert [first.position, second.position, third.position] == [0, 1, 2]
    services.item_move(user=leader, item=third, up=True)
    assert list(framework.themes.values_list("title", flat=True)) == ["A", "C", "B"]
    with pytest.raises(Conflict):
        services.item_move(user=leader, item=first, up=True)


def test_actions_at_every_level_with_their_owners(region, leader):
    ambition = AmbitionFactory()
    leiden = Municipality.objects.get(cbs_code="GM0546")
    local = new_action(leader, ambition, level="local", owner_municipality=leiden)
    subregional = new_action(
        leader, ambition, level="subregional", owner_subregion=leiden.subregion
    )
    regional = new_action(leader, ambition, level="regional", owned_by_region=True)
    unowned = new_action(leader, ambition)
    assert [services.owner_kind(a) for a in (local, subregional, regional, unowned)] == [
        "municipality",
        "subregion",
        "region",
        "",
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"level": "regional", "owner_municipality": "leiden"}, "owner"),
        ({"level": "", "owned_by_region": True}, "owner"),
        ({"level": "local", "owner_municipality": "leiden", "owned_by_region": True}, "owner"),
        ({"starts_on": datetime.date(2025, 12, 31)}, "starts_on"),
        ({"ends_on": datetime.date(2032, 1, 1)}, "ends_on"),
        (
            {"starts_on": datetime.date(2028, 1, 1), "ends_on": datetime.date(2027, 1, 1)},
            "ends_on",
        ),
        ({"title": "x" * (TITLE_LENGTH + 1)}, "title"),
    ],
)
def test_bad_actions_are_refused_and_nothing_is_saved(region, leader, fields, field):
    ambition = AmbitionFactory()
    if fields.get("owner_municipality") == "leiden":
        fields["owner_municipality"] = Municipality.objects.get(cbs_code="GM0546")
    partner = Organisation.objects.filter(region=region).first()
    with pytest.raises(DomainError) as error:
        services.action_create(
            user=leader, ambition=ambition, **{"title": "Actie", **fields}, partners=[partner]
        )
    assert field in error.value.fields
    assert not Action.objects.exists()


def test_an_item_cannot_move_to_another_framework(region, leader):
    ambition = AmbitionFactory()
    action = ActionFactory(ambition=ambition)
    elsewhere = AmbitionFactory()
    with pytest.raises(DomainError) as error:
        services.ambition_update(user=leader, ambition=ambition, theme=elsewhere.theme)
    assert "theme" in error.value.fields
    with pytest.raises(DomainError):
        services.action_update(user=leader, action=action, ambition=elsewhere)
    action.refresh_from_db()
    assert action.ambition == ambition
    sibling = ThemeFactory(framework=ambition.theme.framework)
    moved = services.ambition_update(user=leader, ambition=ambition, theme=sibling)
    assert moved.theme == sibling


def test_an_update_replaces_partners_and_cleans_the_text(region, leader):
    action = ActionFactory()
    partners = list(Organisation.objects.filter(region=region)[:2])
    updated = services.action_update(
        user=leader,
        action=action,
        partners=partners,
        description='<p>Samen<img src=x onerror="alert(1)"></p>',
    )
    assert set(updated.partners.all()) == set(partners)
    assert updated.description == "<p>Samen</p>"


def test_deleting_a_theme_takes_its_tree(region, leader):
    action = ActionFactory()
    services.item_delete(user=leader, item=action.ambition.theme)
    assert not Theme.objects.exists()
    assert not Action.objects.exists()


def test_indicators_with_targets_inside_the_period(region, leader):
    action = ActionFactory()
    codes = {"ethos-people"}
    indicator = services.indicator_set(
        user=leader,
        action=action,
        code="ethos-people",
        targets={2026: Decimal("10"), 2027: None},
        known_codes=codes,
    )
    assert list(indicator.targets.values_list("year", "value")) == [(2026, Decimal("10.00"))]
    with pytest.raises(DomainError) as error:
        services.indicator_set(
            user=leader, action=action, code="nope", targets={2040: 1}, known_codes=codes
        )
    assert set(error.value.fields) == {"code", "targets"}
    assert ActionTarget.objects.count() == 1
