"""Versions: the frozen copy of the working copy and the steps of the transition table."""

import pytest

from onderdak.accounts.models import Role
from onderdak.core.errors import Conflict
from onderdak.framework.models import ActionIndicator, ActionTarget, PolicyDomain, VersionStatus
from onderdak.framework.selectors.content import framework_content
from onderdak.framework.services.versions import version_create, version_transition
from onderdak.region.models import Organisation
from tests.framework.factories import ActionFactory, AmbitionFactory

pytestmark = pytest.mark.usefixtures("policy_domains")


def test_a_version_freezes_the_tree_and_numbers_on(region, make_member):
    leader = make_member(Role.POLICY_OFFICER)
    ambition = AmbitionFactory(title="Niemand slaapt buiten")
    ActionFactory(ambition=ambition, title="Lokaal loket")
    ActionFactory(ambition=ambition, title="Regionale crisisopvang", regional=True)
    framework = ambition.theme.framework
    first = version_create(framework=framework, user=leader, label="Concept")
    ambition.title = "Anders"
    ambition.save()
    second = version_create(framework=framework, user=leader)
    assert (first.number, second.number) == (1, 2)
    [theme] = first.content["themes"]
    [frozen] = theme["ambitions"]
    assert frozen["title"] == "Niemand slaapt buiten"
    assert [a["level"] for a in frozen["actions"]] == ["local", "regional"]
    assert frozen["actions"][0]["owner"] == "Leiden"
    assert frozen["actions"][1]["owner"] == region.name
    assert second.content["themes"][0]["ambitions"][0]["title"] == "Anders"


def test_the_transition_table_is_walked_and_guarded(region, make_member):
    leader = make_member(Role.POLICY_OFFICER)
    version = version_create(framework=AmbitionFactory().theme.framework, user=leader)
    with pytest.raises(Conflict):
        version_transition(version=version, action="adopt")
    version = version_transition(version=version, action="consult")
    version = version_transition(version=version, action="propose")
    assert version.status == VersionStatus.PROPOSED
    version = version_transition(version=version, action="adopt")
    assert version.status == VersionStatus.ADOPTED
    with pytest.raises(Conflict):
        version_transition(version=version, action="rework")


def test_the_content_holds_an_actions_relations_in_their_own_order(region):
    action = ActionFactory(subregional=True)
    partners = list(Organisation.objects.filter(region=action.ambition.theme.framework.region))
    action.partners.set(partners[:3])
    action.policy_domains.set(PolicyDomain.objects.all()[:2])
    indicator = ActionIndicator.objects.create(action=action, indicator_code="ethos-people")
    for year in (2028, 2027):
        ActionTarget.objects.create(indicator=indicator, year=year, value=year - 2000)
    [frozen] = framework_content(action.ambition.theme.framework)["themes"][0]["ambitions"]
    [shown] = frozen["actions"]
    assert shown["partners"] == [p.name for p in action.partners.all()]
    assert shown["policy_domains"] == [d.code for d in action.policy_domains.all()]
    assert shown["owner"] == action.owner_subregion.name
    assert shown["indicators"] == [
        {"code": "ethos-people", "targets": {"2027": "27.00", "2028": "28.00"}}
    ]
