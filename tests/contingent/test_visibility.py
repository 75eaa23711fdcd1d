"""Who sees which case: the querysets of ``selectors.visibility`` and the view permissions of
``contingent.rules`` give the same answer, for every role and for a case of their own
organisation and one of another (DESIGN.md §3)."""

import pytest

from onderdak.accounts.models import Role
from onderdak.contingent.selectors import visibility
from tests.contingent.factories import (
    DwellingFactory,
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
    care_provider,
    corporation,
)
from tests.factories import organisation_for

pytestmark = pytest.mark.django_db

#: Role → which of the two cases ("own", "other") it sees, per kind of case.
SEES = {
    Role.REGIONAL_COORDINATOR: {
        "nomination": {"own", "other"},
        "dwelling": {"own", "other"},
        "proposal": {"own", "other"},
        "placement": {"own", "other"},
    },
    Role.CARE_WORKER: {"nomination": {"own"}, "proposal": {"own"}, "placement": {"own"}},
    Role.MUNICIPALITY_OFFICER: {"nomination": {"own"}, "proposal": {"own"}, "placement": {"own"}},
    Role.CORPORATION_OFFICER: {"dwelling": {"own"}, "proposal": {"own"}, "placement": {"own"}},
    Role.POLICY_OFFICER: {},
    Role.GOVERNANCE_READER: {},
    Role.ADMINISTRATOR: {},
}
QUERYSETS = {
    "nomination": visibility.visible_nominations,
    "dwelling": visibility.visible_dwellings,
    "proposal": visibility.visible_proposals,
    "placement": visibility.visible_placements,
}


def _cases(region) -> dict[str, dict[str, object]]:
    """Per kind, a case of the members' own organisations and one of other organisations."""
    own_municipality = organisation_for(Role.MUNICIPALITY_OFFICER, region).municipality
    other_municipality = region.municipalities.exclude(pk=own_municipality.pk).first()
    own = {"provider": care_provider(0), "tie_municipality": own_municipality}
    other = {"provider": care_provider(1), "tie_municipality": other_municipality}
    own_corporation, other_corporation = corporation(0), corporation(1)

    def proposal(side, corp, factory=ProposalFactory, **extra):
        prefix = "proposal__" if factory is PlacementFactory else ""
        fields = {f"{prefix}nomination__{k}": v for k, v in side.items()}
        return factory(**fields, **{f"{prefix}dwelling__corporation": corp}, **extra)

    return {
        "nomination": {
            "own": NominationFactory(**own),
            "other": NominationFactory(**other),
        },
        "dwelling": {
            "own": DwellingFactory(corporation=own_corporation),
            "other": DwellingFactory(corporation=other_corporation),
        },
        "proposal": {
            "own": proposal(own, own_corporation),
            "other": proposal(other, other_corporation),
        },
        "placement": {
            "own": proposal(own, own_corporation, PlacementFactory),
            "other": proposal(other, other_corporation, PlacementFactory),
        },
    }


@pytest.mark.parametrize("role", list(SEES))
def test_lists_and_permissions_agree(role, region, make_member):
    user = make_member(role)
    cases = _cases(region)
    for kind, pair in cases.items():
        visible = set(QUERYSETS[kind](user).filter(pk__in=[c.pk for c in pair.values()]))
        expected = SEES[role].get(kind, set())
        assert {side for side, case in pair.items() if case in visible} == expected, kind
        for side, case in pair.items():
            allowed = user.has_perm(f"contingent.view_{kind}", case)
            assert allowed == (side in expected), (kind, side)


def test_a_member_without_a_role_sees_nothing(region, make_member):
    user = make_member(Role.CARE_WORKER)
    user.memberships.update(is_active=False)
    user = type(user).objects.get(pk=user.pk)
    _cases(region)
    assert all(not queryset(user).exists() for queryset in QUERYSETS.values())
