"""Funding pages: what they show, forms that refuse bad input in Dutch and save nothing, and the
Excel downloads (opened and checked against the computed result)."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.core.exports import HEADER_ROW
from onderdak.core.templatetags.onderdak import euro
from onderdak.funding import selectors, services
from onderdak.funding.forms import AmountField
from onderdak.funding.models import BudgetLine, FundingScenario, KeyKind, KeyShare, PlannedCost
from tests.funding.helpers import SOURCE


@pytest.fixture
def officer(make_member, login):
    """A policy officer's browser: builds and edits scenarios."""
    return login(make_member(Role.POLICY_OFFICER))


@pytest.fixture
def reader(make_member, login):
    """A municipality officer's browser: reads scenarios, changes nothing."""
    return login(make_member(Role.MUNICIPALITY_OFFICER))


def url(name, *args):
    return reverse(f"funding:{name}", args=args)


def form_data(response) -> dict:
    """What the form on the page would send as it is shown (its initial values)."""
    form = response.context["form"]
    return {
        name: ("" if form[name].value() is None else form[name].value()) for name in form.fields
    }


def html(response) -> str:
    return response.content.decode()


def workbook(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return load_workbook(io.BytesIO(response.content))


def sheet_rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))


# --- Reading -------------------------------------------------------------------------------------


def test_list_shows_every_scenario_with_demo_label(reader, make_scenario):
    make_scenario(name="Echt")
    make_scenario(name="Probeer", is_demo=True)
    page = html(reader.get(url("scenario_list")))
    assert "Echt" in page
    assert "Probeer" in page
    assert page.count("demo, fictief") == 1
    assert "Twee scenario's vergelijken" in page


def test_result_shows_totals_the_year_per_municipality_and_the_charts(reader, scenario):
    response = reader.get(url("scenario_detail", scenario.pk), {"jaar": "2028"})
    result = selectors.scenario_result(scenario=scenario)
    leiden = next(r for r in result.rows_for(2028) if r.code == "GM0546")
    page = html(response)
    with translation.override("nl"):
        for amount in (leiden.allocation, leiden.balance, result.total(2028).allocation):
            assert euro(amount) in page
    assert "€\u00a042.000.000,01" in page  # the budget, in Dutch notation
    assert response.context["year"] == 2028
    assert page.count('role="img"') == 2
    assert "Resultaat per gemeente in 2028" in page
    assert '<details class="chart__data" open>' in page
    assert SOURCE in page  # the inputs with their sources


def test_a_year_outside_the_scenario_shows_the_first(reader, scenario):
    assert reader.get(url("scenario_detail", scenario.pk), {"jaar": "1999"}).context["year"] == 2026
    assert reader.get(url("scenario_detail", scenario.pk), {"jaar": "x"}).context["year"] == 2026


def test_an_incomplete_scenario_says_what_is_missing(reader, region):
    scenario = services.scenario_create(region=region, name="Leeg", first_year=2026, last_year=2027)
    page = html(reader.get(url("scenario_detail", scenario.pk)))
    assert "Nog geen resultaat" in page
    assert "Voer eerst de historische sleutel in." in page
    assert 'role="img"' not in page


def test_cap_conflicts_are_shown_as_an_alert(reader, scenario):
    services.scenario_update(scenario=scenario, cap_percent=Decimal("1"))
    lines = [
        {
            "year": year,
            "funding_source": "DU MO",
            "amount": Decimal(10_000_000 * (1 + year % 2)),
            "source": SOURCE,
        }
        for year in scenario.years
    ]
    services.budget_lines_replace(scenario=scenario, lines=lines)
    page = html(reader.get(url("scenario_detail", scenario.pk)))
    assert 'class="notice notice--alert" role="alert"' in page
    assert "binnen het plafond" in page


def test_demo_scenarios_are_labelled_on_every_page(officer, make_scenario):
    scenario = make_scenario(is_demo=True)
    for name in ("scenario_detail", "scenario_update", "scenario_copy", "budget_lines"):
        assert "demo, fictief" in html(officer.get(url(name, scenario.pk))), name


def test_readers_see_no_edit_links_and_may_not_edit(reader, scenario):
    page = html(reader.get(url("scenario_detail", scenario.pk)))
    assert url("scenario_update", scenario.pk) not in page
    assert url("budget_lines", scenario.pk) not in page
    assert reader.get(url("budget_lines", scenario.pk)).status_code == 403
    assert reader.post(url("scenario_delete", scenario.pk)).status_code == 403
    assert FundingScenario.objects.filter(pk=scenario.pk).exists()


def test_unknown_scenario_or_key_is_404(officer, scenario):
    assert officer.get(url("scenario_detail", 999999)).status_code == 404
    assert officer.get(url("key_shares", scenario.pk, "onbekend")).status_code == 404


# --- Scenario settings, copy, delete -------------------------------------------------------------


def test_create_a_scenario(officer, region):
    data = {
        "name": "Nieuw",
        "first_year": "2026",
        "last_year": "2030",
        "phase_in_years": "4",
        "cap_percent": "2,5",
        "objective_method": "entered",
        "solidarity_population_weight": "1",
    }
    response = officer.post(url("scenario_create"), data)
    scenario = FundingScenario.objects.get(name="Nieuw")
    assert response.url == url("scenario_detail", scenario.pk)
    assert scenario.cap_percent == Decimal("2.5")
    assert scenario.phase_in_start_year == 2026  # empty: the first year


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"last_year": "2025"}, "last_year", "Het laatste jaar ligt vóór het eerste jaar."),
        ({"name": ""}, "name", "Dit veld is vereist."),
        ({"cap_percent": "0"}, "cap_percent", None),
        ({"phase_in_years": "abc"}, "phase_in_years", "Voer een geheel getal in."),
        ({"name": "Bestaat"}, "name", "Er bestaat al een scenario met deze naam."),
    ],
)
def test_settings_refuse_bad_input(officer, scenario, make_scenario, changes, field, message):
    make_scenario(name="Bestaat")
    data = form_data(officer.get(url("scenario_update", scenario.pk))) | changes
    response = officer.post(url("scenario_update", scenario.pk), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert message in errors[field]
    assert "Corrigeer het volgende" in html(response) or "error-summary" in html(response)
    scenario.refresh_from_db()
    assert (scenario.name, scenario.last_year) == ("Scenario A", 2031)


def test_narrowing_the_years_below_the_inputs_is_refused(officer, scenario):
    data = form_data(officer.get(url("scenario_update", scenario.pk))) | {"last_year": "2028"}
    response = officer.post(url("scenario_update", scenario.pk), data)
    assert "last_year" in response.context["form"].errors
    scenario.refresh_from_db()
    assert scenario.last_year == 2031


def test_copy_with_another_phase_in(officer, scenario):
    data = form_data(officer.get(url("scenario_copy", scenario.pk)))
    assert data["name"] == "Kopie van Scenario A"
    response = officer.post(url("scenario_copy", scenario.pk), data | {"phase_in_years": "10"})
    copy = FundingScenario.objects.get(name="Kopie van Scenario A")
    assert response.url == url("scenario_detail", copy.pk)
    assert copy.phase_in_years == 10
    assert copy.budget_lines.count() == scenario.budget_lines.count()


def test_copy_refuses_a_taken_name(officer, scenario):
    response = officer.post(
        url("scenario_copy", scenario.pk),
        {"name": "Scenario A", "phase_in_start_year": "2026", "phase_in_years": "5"},
    )
    assert "name" in response.context["form"].errors
    assert FundingScenario.objects.count() == 1


def test_delete_asks_first(officer, scenario):
    page = html(officer.get(url("scenario_delete", scenario.pk)))
    assert "kan niet ongedaan" in page
    response = officer.post(url("scenario_delete", scenario.pk))
    assert response.url == url("scenario_list")
    assert not FundingScenario.objects.filter(pk=scenario.pk).exists()


# --- Inputs --------------------------------------------------------------------------------------


def test_budget_lines_are_replaced_and_empty_lines_skipped(officer, scenario):
    data = form_data(officer.get(url("budget_lines", scenario.pk)))
    count = scenario.budget_lines.count()
    data |= {
        f"year_{count}": "2026",
        f"funding_source_{count}": "Eigen bijdragen",
        f"amount_{count}": "1.234.567,89",
        f"source_{count}": "Begroting 2026",
    }
    data |= {"year_0": "", "funding_source_0": "", "amount_0": "", "source_0": ""}
    response = officer.post(url("budget_lines", scenario.pk), data)
    assert response.status_code == 302
    assert scenario.budget_lines.count() == count
    assert BudgetLine.objects.get(funding_source="Eigen bijdragen").amount == Decimal("1234567.89")


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ({"amount": "veel"}, "amount", "Voer een getal in."),
        ({"amount": "-5"}, "amount", None),
        ({"source": ""}, "source", "Een begrotingsregel heeft dit ook nodig."),
        ({"funding_source": "DU MO"}, "funding_source", None),  # twice in 2026: the service says no
    ],
)
def test_budget_lines_refuse_bad_input_and_save_nothing(officer, scenario, line, field, message):
    data = form_data(officer.get(url("budget_lines", scenario.pk)))
    count = scenario.budget_lines.count()
    new = {"year": "2026", "funding_source": "Nieuw", "amount": "10", "source": "x"} | line
    data |= {f"{name}_{count}": value for name, value in new.items()}
    before = list(BudgetLine.objects.filter(scenario=scenario).values_list("amount", flat=True))
    response = officer.post(url("budget_lines", scenario.pk), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert f"{field}_{count}" in errors, errors
    if message:
        assert message in errors[f"{field}_{count}"]
    after = list(BudgetLine.objects.filter(scenario=scenario).values_list("amount", flat=True))
    assert after == before


def test_key_with_dutch_decimals_is_saved(officer, scenario, municipalities):
    data = form_data(officer.get(url("key_shares", scenario.pk, "gebruik")))
    shares = {f"share_{m.cbs_code}": "7,6923" for m in municipalities}
    shares[f"share_{municipalities[-1].cbs_code}"] = "7,6924"
    response = officer.post(
        url("key_shares", scenario.pk, "gebruik"), data | shares | {"source": "Monitor 2024"}
    )
    assert response.status_code == 302
    saved = KeyShare.objects.filter(scenario=scenario, kind=KeyKind.USE)
    assert saved.count() == 13
    assert {s.source for s in saved} == {"Monitor 2024"}


def test_key_not_adding_up_to_100_is_refused_and_the_old_key_kept(officer, scenario):
    before = dict(
        KeyShare.objects.filter(scenario=scenario, kind=KeyKind.HISTORICAL).values_list(
            "municipality__cbs_code", "share_percent"
        )
    )
    data = form_data(officer.get(url("key_shares", scenario.pk, "historisch")))
    response = officer.post(
        url("key_shares", scenario.pk, "historisch"), data | {"share_GM0546": "50"}
    )
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert any("100" in error for error in errors), errors
    after = dict(
        KeyShare.objects.filter(scenario=scenario, kind=KeyKind.HISTORICAL).values_list(
            "municipality__cbs_code", "share_percent"
        )
    )
    assert after == before


def test_key_refuses_an_empty_share_or_source(officer, scenario):
    data = form_data(officer.get(url("key_shares", scenario.pk, "historisch")))
    response = officer.post(
        url("key_shares", scenario.pk, "historisch"), data | {"share_GM0546": "", "source": ""}
    )
    errors = response.context["form"].errors
    assert {"share_GM0546", "source"} <= set(errors)
    assert 'aria-describedby="id_share_GM0546_error"' in html(response)


def test_planned_costs_need_a_source_and_save_as_a_whole(officer, scenario):
    data = form_data(officer.get(url("planned_costs", scenario.pk)))
    assert data["amount_GM0546_2026"] == "2.000.000,00"
    bad = data | {"amount_GM0546_2026": "3.000.000", "source_GM0546": ""}
    response = officer.post(url("planned_costs", scenario.pk), bad)
    assert "Geef de bron van deze bedragen." in response.context["form"].errors["source_GM0546"]
    assert PlannedCost.objects.get(
        scenario=scenario, municipality__cbs_code="GM0546", year=2026
    ).amount == Decimal("2000000.00")
    good = data | {"amount_GM0546_2026": "3.000.000", "amount_GM0546_2027": ""}
    assert officer.post(url("planned_costs", scenario.pk), good).status_code == 302
    leiden = PlannedCost.objects.filter(scenario=scenario, municipality__cbs_code="GM0546")
    assert dict(leiden.values_list("year", "amount"))[2026] == Decimal("3000000")
    assert 2027 not in dict(leiden.values_list("year", "amount"))


def test_regional_costs_and_subregional_pools_are_saved(officer, scenario):
    data = form_data(officer.get(url("regional_costs", scenario.pk)))
    data |= {"amount_regio_2026": "€ 7.000.000,00", "source_regio": "Begroting RSZ"}
    assert officer.post(url("regional_costs", scenario.pk), data).status_code == 302
    assert scenario.regional_costs.get(year=2026).amount == Decimal("7000000")
    data = form_data(officer.get(url("subregional_pools", scenario.pk)))
    data |= {"amount_rijnstreek_2031": "5", "source_rijnstreek": "Afspraak"}
    assert officer.post(url("subregional_pools", scenario.pk), data).status_code == 302
    assert scenario.subregional_pools.get(subregion__slug="rijnstreek", year=2031).amount == 5


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1.234.567,89", Decimal("1234567.89")),
        ("1234567,89", Decimal("1234567.89")),
        ("€ 1.000", Decimal("1000")),
        ("12,5", Decimal("12.5")),
        ("0", Decimal("0")),
    ],
)
def test_amounts_are_read_the_dutch_way(typed, expected):
    with translation.override("nl"):
        assert AmountField().clean(typed) == expected


# --- Comparing and downloading -------------------------------------------------------------------


def test_compare_two_scenarios(reader, make_scenario):
    a = make_scenario(name="Vijf jaar")
    b = make_scenario(name="Tien jaar", phase_in_years=10)
    response = reader.get(url("compare"), {"a": a.pk, "b": b.pk})
    rows = response.context["rows"]
    assert len(rows) == 13 * 6
    leiden_2027 = next(r for r in rows if (r.code, r.year) == ("GM0546", 2027))
    assert leiden_2027.difference != 0
    page = html(response)
    with translation.override("nl"):
        assert euro(leiden_2027.difference) in page
    assert 'id="verschil-grafiek-titel"' in page


def test_compare_needs_two_different_scenarios(reader, scenario):
    response = reader.get(url("compare"), {"a": scenario.pk, "b": scenario.pk})
    assert "Kies twee verschillende scenario's." in response.context["form"].non_field_errors()
    preset = reader.get(url("compare"), {"a": scenario.pk})
    assert not preset.context["form"].errors
    assert preset.context["form"]["a"].value() == str(scenario.pk)


def test_result_download_holds_the_computed_amounts(reader, make_scenario):
    scenario = make_scenario(is_demo=True)
    response = reader.get(url("scenario_export", scenario.pk))
    book = workbook(response)
    result = selectors.scenario_result(scenario=scenario)
    per_municipality = book.worksheets[1]
    assert per_municipality["A2"].value.startswith("Demo, fictief")
    rows = sheet_rows(per_municipality)
    assert len(rows) == len(result.rows)
    by_key = {(row[0], row[1]): row for row in rows}
    for row in result.rows:
        sheet_row = by_key[(row.year, row.code)]
        assert sheet_row[5] == pytest.approx(float(row.allocation))
        assert sheet_row[9] == pytest.approx(float(row.balance))
    totals = {(r[0], r[1]): r for r in sheet_rows(book.worksheets[0])}
    assert totals[(2026, "Regio")][2] == pytest.approx(42000000.01)
    assert [s.title for s in book.worksheets][:2] == ["Totalen", "Per gemeente"]


def test_comparison_download_holds_the_differences(reader, make_scenario):
    a = make_scenario(name="Vijf jaar")
    b = make_scenario(name="Tien jaar", phase_in_years=10)
    book = workbook(reader.get(url("compare_export"), {"a": a.pk, "b": b.pk}))
    rows = sheet_rows(book.worksheets[0])
    expected = selectors.scenario_comparison(a=a, b=b)
    assert len(rows) == len(expected)
    for sheet_row, row in zip(rows, expected, strict=True):
        assert sheet_row[:3] == (row.year, row.code, row.municipality)
        assert sheet_row[5] == pytest.approx(float(row.difference))


def test_downloads_follow_the_rights(make_member, login, scenario):
    care_worker = login(make_member(Role.CARE_WORKER))
    assert care_worker.get(url("scenario_export", scenario.pk)).status_code == 403
    assert care_worker.get(url("compare_export"), {"a": 1, "b": 2}).status_code == 403


def test_download_of_an_incomplete_scenario_goes_back_with_a_message(reader, region):
    scenario = services.scenario_create(region=region, name="Leeg", first_year=2026, last_year=2027)
    response = reader.get(url("scenario_export", scenario.pk), follow=True)
    assert response.redirect_chain[-1][0] == url("scenario_detail", scenario.pk)
    assert "Het scenario is niet volledig." in html(response)


def test_indicator_weights_need_an_explanation_and_add_up_to_1(officer, scenario):
    path = url("indicator_weights", scenario.pk)
    response = officer.post(path, {"weight_population": "1", "explanation_population": ""})
    assert "explanation_population" in response.context["form"].errors
    response = officer.post(path, {"weight_population": "0,5", "explanation_population": "Keuze"})
    assert any("optellen tot 1" in e for e in response.context["form"].non_field_errors())
    assert not scenario.indicator_weights.exists()
    response = officer.post(path, {"weight_population": "1", "explanation_population": "Keuze"})
    assert response.status_code == 302
    assert scenario.indicator_weights.get().weight == 1


def test_phase_in_path_must_grow_to_1(officer, scenario):
    path = url("phase_in_steps", scenario.pk)
    response = officer.post(path, {"step_2026": "0,5", "step_2027": "0,25"})
    assert any("alleen groeien" in e for e in response.context["form"].non_field_errors())
    assert not scenario.phase_in_steps.exists()
    steps = {f"step_{year}": "1" for year in scenario.years} | {"step_2026": "0,5"}
    assert officer.post(path, steps).status_code == 302
    assert scenario.phase_in_steps.get(year=2026).objective_weight == Decimal("0.5")
