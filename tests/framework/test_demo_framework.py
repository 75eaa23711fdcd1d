"""The demo framework: built from the assignment's words, marked as demo, with actions at every
level, participation, a plan of approach and a version on its route; loaded once."""

from io import StringIO

import pytest
from django.core.management import call_command

from onderdak.accounts.models import Role
from onderdak.framework import demo
from onderdak.framework.models import (
    Action,
    DecisionStep,
    Framework,
    InputItem,
    Outcome,
    ProjectPhase,
    ResponseKind,
    StakeholderKind,
    VersionStatus,
)
from onderdak.region.models import Level

pytestmark = pytest.mark.usefixtures("policy_domains")


@pytest.fixture
def loaded(region, make_member):
    return demo.load_demo(region=region, by=make_member(Role.POLICY_OFFICER))


def test_the_demo_is_marked_as_such(loaded):
    framework = loaded.framework
    assert loaded.created
    assert framework.is_demo
    assert "(demo)" in framework.title
    assert (framework.first_year, framework.last_year) == (2026, 2031)
    assert "<script" not in framework.vision


def test_the_themes_are_the_assignments(loaded):
    titles = list(loaded.framework.themes.values_list("title", flat=True))
    assert titles == [
        "Preventie",
        "Dak- en thuisloosheid",
        "Beschermd wonen",
        "Maatschappelijke opvang",
        "Wonen",
        "Werk en inkomen",
        "Jeugd",
        "Veiligheid",
    ]


def test_actions_sit_at_every_level_with_owners_and_adjacent_domains(loaded):
    actions = Action.objects.filter(ambition__theme__framework=loaded.framework)
    assert set(actions.values_list("level", flat=True)) == {*Level.values, ""}
    assert actions.filter(level=Level.LOCAL, owner_municipality__isnull=False).exists()
    assert actions.filter(level=Level.SUBREGIONAL, owner_subregion__isnull=False).exists()
    assert actions.filter(level=Level.REGIONAL, owned_by_region=True).exists()
    domains = set(actions.values_list("policy_domains__code", flat=True))
    assert {"werk-inkomen", "wonen", "jeugd", "veiligheid"} <= domains
    assert actions.filter(indicators__targets__isnull=False).exists()
    assert loaded.actions == actions.count()


def test_participation_with_experts_by_experience_and_open_input(loaded):
    framework = loaded.framework
    kinds = set(framework.stakeholders.values_list("kind", flat=True))
    assert {StakeholderKind.ORGANISATION, StakeholderKind.LIVED_EXPERIENCE} <= kinds
    assert framework.stakeholders.filter(levels__isnull=False).distinct().count() == 6
    assert framework.sessions.count() == 2
    items = InputItem.objects.filter(framework=framework)
    assert items.filter(response=ResponseKind.OPEN).count() == 2
    assert items.exclude(response=ResponseKind.OPEN).filter(responded_by__isnull=False).count() == 4


def test_the_plan_of_approach_runs_through_the_assignments_period(loaded):
    framework = loaded.framework
    phases = ProjectPhase.objects.filter(framework=framework).order_by("starts_on")
    assert (phases.first().starts_on.isoformat(), phases.last().ends_on.isoformat()) == (
        "2025-02-03",
        "2026-02-03",
    )
    assert framework.milestones.count() == 4
    project_group = framework.working_groups.get(is_project_group=True)
    assert project_group.members.count() == 4
    assert framework.working_groups.count() == 3


def test_one_version_is_in_consultation_on_its_route(loaded):
    version = loaded.version
    assert version.status == VersionStatus.CONSULTATION
    assert len(version.content["themes"]) == 8
    steps = DecisionStep.objects.filter(version=version).order_by("position")
    assert [s.outcome for s in steps][:3] == [
        Outcome.AGREED,
        Outcome.AGREED_WITH_CHANGES,
        Outcome.PENDING,
    ]


def test_loading_twice_adds_nothing(loaded, region, make_member):
    again = demo.load_demo(region=region, by=make_member(Role.POLICY_OFFICER))
    assert not again.created
    assert again.framework == loaded.framework
    assert Framework.objects.count() == 1
    assert InputItem.objects.count() == loaded.input_items


def test_the_demo_command_loads_the_framework_once(region, settings, tmp_path):
    settings.DEMO, settings.VAR_DIR, settings.STATIC_ROOT = True, tmp_path, tmp_path / "static"
    for made in ("made now", "present already"):
        out = StringIO()
        call_command("demo", "--no-serve", stdout=out)
        line = next(x for x in out.getvalue().splitlines() if x.startswith("Policy framework"))
        assert "(demo)" in line
        assert made in line
    assert Framework.objects.filter(region=region, is_demo=True).count() == 1
