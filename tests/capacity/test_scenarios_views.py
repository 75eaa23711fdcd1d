"""The scenario pages: list, detail in words, the forms for the main parameters, the changes to
the plan and the settings per type (errors on the input they are about), run, result with band
charts and tables, the quote, comparing, and the Excel downloads."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.capacity.models import RunStatus, Scenario, SimulationRun
from onderdak.capacity.services import runs as run_services
from tests.capacity.plans_data import facility_with_figures, planner
from tests.capacity.scenarios_data import CHANGES, SMALL, planned_region, small_scenario

pytestmark = pytest.mark.usefixtures("facility_types")
LIST = reverse("capacity:scenario_list")


@pytest.fixture
def officer(make_member, login):
    return login(make_member(Role.POLICY_OFFICER))


def run_of(scenario):
    return run_services.simulation_run_start(scenario=scenario, by=planner())


def form_data(form) -> dict:
    return {name: "" if value is None else value for name, value in form.initial.items()}


def test_a_new_scenario_takes_the_defaults_of_empty_inputs(region, officer):
    planned_region(region)
    form = officer.get(reverse("capacity:scenario_create")).context["form"]
    data = form_data(form) | {"name": "Contingent 350", "contingent_per_year": "350"}
    response = officer.post(reverse("capacity:scenario_create"), data)
    assert response.status_code == 302
    assert Scenario.objects.get().parameters == {"contingent_per_year": 350}


def test_bad_parameters_are_shown_on_their_input(region, officer):
    data = {
        "name": "Fout",
        "runs": "0",
        "contingent_split": "population",
        "stay_distribution": "exponential",
        "inflow_multiplier": "1,5",
    }
    response = officer.post(reverse("capacity:scenario_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["runs"]
    assert not Scenario.objects.exists()


def test_a_change_keeps_the_other_parts_of_the_parameters(region, officer):
    scenario = small_scenario(region)
    url = reverse("capacity:scenario_update", args=[scenario.pk])
    data = form_data(officer.get(url).context["form"]) | {"seed": "5", "inflow_multiplier": "1,5"}
    assert officer.post(url, data).status_code == 302
    scenario.refresh_from_db()
    assert scenario.parameters["seed"] == 5
    assert scenario.parameters["inflow_multiplier"] == 1.5
    assert scenario.parameters["types"] == SMALL["types"]


def test_changes_to_the_plan_are_saved_from_the_grid_and_errors_land_on_their_line(region, officer):
    scenario = small_scenario(region)
    url = reverse("capacity:scenario_changes", args=[scenario.pk])
    line = {
        "action_0": "add",
        "facility_type_0": "housing-first",
        "area_0": "subregio:leidse-regio",
        "places_0": "30",
        "from_year_0": "2027",
        "action_1": "pace",
        "facility_type_1": "beschermd-wonen-24-7",
        "area_1": "gemeente:GM0546",
        "factor_1": "2",
    }
    assert officer.post(url, line).status_code == 302
    scenario.refresh_from_db()
    assert scenario.parameters["plan_changes"] == CHANGES
    bad = officer.post(
        url, {"action_0": "add", "facility_type_0": "housing-first", "places_0": "3"}
    )
    assert bad.status_code == 200
    assert bad.context["form"].errors["area_0"]


def test_settings_per_type_are_saved_and_shares_must_add_up(region, officer):
    scenario = small_scenario(region)
    url = reverse("capacity:scenario_types", args=[scenario.pk])
    good = {
        "mean_stay_months_housing-first": "24",
        "contingent_housing-first": "0,5",
        "housing_housing-first": "0,5",
    }
    assert officer.post(url, good).status_code == 302
    scenario.refresh_from_db()
    assert scenario.parameters["types"] == {
        "housing-first": {
            "mean_stay_months": 24.0,
            "destinations": {"contingent": 0.5, "housing": 0.5, "institution": 0.0, "unknown": 0.0},
        }
    }
    bad = officer.post(url, good | {"housing_housing-first": "0,6"})
    assert bad.status_code == 200
    assert bad.context["form"].errors["contingent_housing-first"]


def test_the_detail_says_the_parameters_in_words_and_lists_its_runs(region, officer):
    scenario = small_scenario(region, contingent_per_year=350)
    run = run_of(scenario)
    response = officer.get(reverse("capacity:scenario_detail", args=[scenario.pk]))
    summary = dict(response.context["summary"])
    assert "350" in next(v for v in summary.values() if "350" in v)
    page = response.content.decode()
    assert reverse("capacity:run_detail", args=[run.pk]) in page
    assert reverse("capacity:run_start", args=[scenario.pk]) in page


def test_starting_a_run_shows_its_result(region, officer):
    scenario = small_scenario(region)
    response = officer.post(reverse("capacity:run_start", args=[scenario.pk]))
    run = SimulationRun.objects.get()
    assert response.url == reverse("capacity:run_detail", args=[run.pk])
    page = officer.get(response.url)
    assert page.status_code == 200
    assert len(page.context["charts"]) == 5
    chart = page.context["charts"][0]
    assert chart.table.headers[1:] == ("P10", "P50", "P90")
    assert len(chart.table.rows) == 24
    assert "“Klein”" in page.context["quote"]
    assert "Onderdak" in page.context["quote"]
    assert 'class="chart__band-area"' in page.content.decode()


def test_a_run_that_cannot_start_says_why_on_the_scenario(region, officer):
    scenario = Scenario.objects.create(region=region, name="Zonder plan")
    response = officer.post(reverse("capacity:run_start", args=[scenario.pk]), follow=True)
    assert response.status_code == 200
    assert not SimulationRun.objects.exists()
    assert list(response.context["messages"])


def test_the_result_shows_a_subregion_or_type_when_chosen(region, officer):
    run = run_of(small_scenario(region))
    url = reverse("capacity:run_detail", args=[run.pk])
    response = officer.get(url, {"gebied": "type:nachtopvang"})
    assert response.context["scope"] == "type:nachtopvang"
    assert officer.get(url, {"gebied": "onzin"}).context["scope"] == "region"


def test_a_running_run_is_polled_with_its_progress_bar(
    in_the_test_thread, region, officer, monkeypatch
):
    monkeypatch.setattr(run_services, "INLINE_WORK", 10)
    run = run_of(small_scenario(region))
    assert run.status == RunStatus.QUEUED
    url = reverse("capacity:run_detail", args=[run.pk])
    page = officer.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "<progress" in page
    partial = officer.get(url, headers={"HX-Request": "true"})
    assert partial.templates[0].name == "capacity/run_progress.html"
    run_services.guarded(run_services._background, SimulationRun, run.pk)
    done = officer.get(url, headers={"HX-Request": "true"}).content.decode()
    assert f'href="{url}"' in done  # the last poll links to the result


def test_the_run_download_holds_key_figures_bands_input_and_notes(region, officer):
    run = run_of(small_scenario(region))
    response = officer.get(reverse("capacity:run_export", args=[run.pk]))
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == 4
    figures, bands, cells, _notes = book.worksheets
    assert figures.cell(5, 1).value == region.name
    assert bands.max_row == 4 + 5 * 5 * 24  # 5 areas x 5 measures x 24 months
    assert cells.cell(5, 1).value == "GM0537/nachtopvang"


def test_two_scenarios_are_compared_with_a_band_each(region, officer):
    one = small_scenario(region, "250 per jaar")
    other = small_scenario(region, "350 per jaar", contingent_per_year=350)
    run_of(one)
    run_of(other)
    url = reverse("capacity:compare")
    response = officer.get(url, {"s": [one.pk, other.pk]})
    assert [name for name, _f in response.context["figure_rows"]] == [
        "250 per jaar",
        "350 per jaar",
    ]
    chart = response.context["charts"][1]
    assert [s.name for s in chart.legend] == ["250 per jaar", "350 per jaar"]
    assert chart.table.headers[1] == "250 per jaar: P10"
    download = officer.get(reverse("capacity:compare_export"), {"s": [one.pk, other.pk]})
    book = load_workbook(io.BytesIO(download.content))
    assert book.worksheets[0].cell(5, 1).value == "250 per jaar"


def test_comparing_needs_two_scenarios_with_a_finished_run(region, officer):
    one = small_scenario(region, "Een")
    other = small_scenario(region, "Ander")
    run_of(one)
    response = officer.get(reverse("capacity:compare"), {"s": [one.pk, other.pk]})
    assert response.context["too_few"]
    single = officer.get(reverse("capacity:compare"), {"s": [one.pk]})
    assert single.context["form"].errors["s"]
    none = officer.get(reverse("capacity:compare"), {"vergelijk": "1"})
    assert none.context["form"].errors["s"]
    assert not officer.get(reverse("capacity:compare")).context["form"].is_bound
    assert officer.get(reverse("capacity:compare_export"), {"s": [one.pk]}).status_code == 404


def test_a_scenario_is_deleted_with_its_runs(region, officer):
    scenario = small_scenario(region)
    run_of(scenario)
    response = officer.post(reverse("capacity:scenario_delete", args=[scenario.pk]))
    assert response.url == LIST
    assert not SimulationRun.objects.exists()


def test_another_regions_scenario_is_not_found(region, officer):
    scenario = small_scenario(region)
    from onderdak.region.models import Region

    other = Region.objects.create(name="Elders", slug="elders")
    Scenario.objects.filter(pk=scenario.pk).update(region=other)
    assert officer.get(reverse("capacity:scenario_detail", args=[scenario.pk])).status_code == 404


def test_the_settings_per_type_show_what_the_calibration_gives(region, officer):
    scenario = small_scenario(region)
    facility_with_figures(occupied=22, waiting=3, outflow=2)
    response = officer.get(reverse("capacity:scenario_types", args=[scenario.pk]))
    rows = {label: text for label, text, _fields in response.context["form"].type_rows()}
    protected = next(text for label, text in rows.items() if "24/7" in label)
    assert "11" in protected  # months of stay
    assert "100/0/0/0" in protected
