"""The demo scenarios: clearly fictitious, loaded once, and different enough to compare."""

from io import StringIO

import pytest
from django.core.management import call_command

from onderdak.funding import selectors
from onderdak.funding.demo import load_demo
from onderdak.funding.models import INPUT_MODELS, FundingScenario

#: The text that says where each kind of input comes from (phase-in steps have none).
SOURCE_FIELDS = dict.fromkeys(INPUT_MODELS, "source") | {
    "indicator_weights": "explanation",
    "phase_in_steps": None,
}


@pytest.mark.parametrize("related_name", list(INPUT_MODELS))
def test_every_demo_figure_says_it_is_fictitious(region, related_name):
    for scenario in load_demo(region=region):
        field = SOURCE_FIELDS[related_name]
        texts = getattr(scenario, related_name).values_list(field, flat=True) if field else []
        assert all(text.startswith("Fictieve demowaarde") for text in texts)


def test_demo_scenarios_are_labelled_as_fictitious(region):
    for scenario in load_demo(region=region):
        assert scenario.is_demo
        assert scenario.name.endswith("(demo, fictief)")
        assert "Fictieve demowaarden" in scenario.description


def test_loading_twice_changes_nothing(region):
    first = load_demo(region=region)
    assert load_demo(region=region) == first
    assert FundingScenario.objects.filter(region=region).count() == 2


def test_demo_compares_5_and_10_years_of_phase_in(region):
    five, ten = load_demo(region=region)
    assert (five.phase_in_years, ten.phase_in_years) == (5, 10)
    assert selectors.scenario_result(scenario=five).conflicts == ()
    rows = selectors.scenario_comparison(a=five, b=ten)
    assert len(rows) == 6 * 13
    assert sum(1 for row in rows if row.difference) > 6 * 13 / 2


def test_the_demo_command_loads_the_scenarios(region, settings, tmp_path):
    settings.DEMO, settings.VAR_DIR, settings.STATIC_ROOT = True, tmp_path, tmp_path / "static"
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    assert "(demo, fictief)" in out.getvalue()
    assert FundingScenario.objects.filter(region=region, is_demo=True).count() == 2
