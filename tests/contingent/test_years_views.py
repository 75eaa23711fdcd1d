"""Year pages: who reads and who changes, what the pages show, forms that refuse bad input and
save nothing, the Excel download, and query counts that do not grow with the data."""

import io

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineReason,
    EligibilityCriterion,
    SpreadTarget,
    Stream,
)
from onderdak.contingent.selectors.years import corporations as corporation_list
from onderdak.contingent.services import years as services
from onderdak.core.exports import HEADER_ROW
from tests.contingent.factories import (
    ContingentYearFactory,
    DeclineReasonFactory,
    NominationFactory,
    PlacementFactory,
)

OUTFLOW, PREVENTION = Stream.OUTFLOW, Stream.PREVENTION
READERS = [
    Role.CARE_WORKER,
    Role.CORPORATION_OFFICER,
    Role.MUNICIPALITY_OFFICER,
    Role.POLICY_OFFICER,
    Role.GOVERNANCE_READER,
]
EDIT_PAGES = ["year_update", "year_stocks", "year_targets", "year_spread", "year_criteria"]


def url(name, *args):
    return reverse(f"contingent:{name}", args=args)


def html(response) -> str:
    return response.content.decode()


@pytest.fixture
def coordinator(make_member):
    return make_member(Role.REGIONAL_COORDINATOR)


@pytest.fixture
def browser(coordinator, login):
    return login(coordinator)


@pytest.fixture
def year(region):
    return ContingentYearFactory(region=region)


@pytest.fixture
def corporations(region):
    return list(corporation_list(region=region))


@pytest.fixture
def keyed(year, corporations, coordinator):
    """The year with a key over every corporation: stocks 1000, 2000, ..."""
    stocks = [{"corporation": c, "dwellings": (i + 1) * 1000} for i, c in enumerate(corporations)]
    services.stocks_replace(
        contingent_year=year, stocks=stocks, key_source="Fictieve bron 2025", by=coordinator
    )
    year.refresh_from_db()
    return year


def form_data(response) -> dict:
    """What the form on the page sends as it is shown (its initial values)."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = (
            form.fields[name].prepare_value(value) if name == "evaluation_months" else value
        )
    return data


# --- Who may do what -----------------------------------------------------------------------------


def test_anonymous_users_go_to_the_login_page(client, year):
    response = client.get(url("year_detail", year.year))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("role", READERS)
def test_every_contingent_role_reads_the_year_but_changes_nothing(role, make_member, login, keyed):
    browser = login(make_member(role))
    assert browser.get(url("year_list")).status_code == 200
    page = browser.get(url("year_detail", keyed.year))
    assert page.status_code == 200
    assert url("year_stocks", keyed.year) not in html(page)
    assert browser.get(url("year_export", keyed.year)).status_code == 200
    assert browser.get(url("decline_reason_list")).status_code == 200
    for name in EDIT_PAGES:
        assert browser.get(url(name, keyed.year)).status_code == 403
        assert browser.post(url(name, keyed.year), {}).status_code == 403
    assert browser.get(url("year_create")).status_code == 403
    assert browser.get(url("decline_reason_create")).status_code == 403


def test_an_administrator_reads_no_year(make_member, login, year):
    browser = login(make_member(Role.ADMINISTRATOR))
    assert browser.get(url("year_detail", year.year)).status_code == 403


def test_a_year_that_does_not_exist_is_not_found(browser, year):
    for name in ["year_detail", "year_export", *EDIT_PAGES]:
        assert browser.get(url(name, 1999)).status_code == 404


def test_the_coordinator_opens_every_page(browser, keyed):
    for name in EDIT_PAGES:
        assert browser.get(url(name, keyed.year)).status_code == 200
    assert browser.get(url("year_create")).status_code == 200
    assert browser.get(url("decline_reason_create")).status_code == 200


# --- The year page -------------------------------------------------------------------------------


def test_the_year_page_shows_targets_split_and_realised(browser, keyed, corporations):
    placement = PlacementFactory(proposal__dwelling__corporation=corporations[0])
    page = browser.get(url("year_detail", keyed.year))
    detail = page.context["detail"]
    assert [(s.stream, s.target, s.assigned, s.realised) for s in detail.streams] == [
        (OUTFLOW, 200, 200, 1),
        (PREVENTION, 50, 50, 0),
    ]
    first = next(r for r in detail.rows if r.corporation == corporations[0])
    assert first.shares[OUTFLOW].realised == 1
    text = html(page)
    assert "Fictieve bron 2025" in text
    assert corporations[0].name in text
    assert placement.nomination.client.name not in text


@pytest.mark.parametrize("role", READERS)
def test_others_read_realised_counts_only_in_the_report(role, make_member, login, keyed):
    PlacementFactory(proposal__dwelling__corporation=keyed.stocks.first().corporation)
    browser = login(make_member(role))
    page = browser.get(url("year_detail", keyed.year))
    assert not page.context["detail"].shows_realised
    assert [s.realised for s in page.context["detail"].streams] == [None, None]
    assert reverse("contingent:report", args=[keyed.year]) in html(page)
    assert ">Realised<" not in html(page)
    sheet = load_workbook(io.BytesIO(browser.get(url("year_export", keyed.year)).content)).active
    headers = next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True))
    assert "Realised" not in headers


def test_the_year_page_shows_spread_criteria_and_policy(browser, keyed, coordinator):
    municipality = keyed.region.municipalities.order_by("name").first()
    services.spread_targets_replace(
        contingent_year=keyed,
        targets=[{"municipality": municipality, "target": 12}],
        by=coordinator,
    )
    services.criteria_replace(
        contingent_year=keyed, stream=PREVENTION, texts=["Ambulante begeleiding"], by=coordinator
    )
    text = html(browser.get(url("year_detail", keyed.year)))
    assert municipality.name in text
    assert "Ambulante begeleiding" in text
    assert "3, 6, 12" in text


def test_the_year_page_has_a_fixed_number_of_queries(
    browser, keyed, corporations, django_assert_max_num_queries
):
    PlacementFactory(proposal__dwelling__corporation=corporations[0])
    with django_assert_max_num_queries(20) as one:
        browser.get(url("year_detail", keyed.year))
    for index in range(9):
        PlacementFactory(
            proposal__dwelling__corporation=corporations[index % len(corporations)],
            proposal__nomination__stream=PREVENTION if index % 2 else OUTFLOW,
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        browser.get(url("year_detail", keyed.year))


def test_the_year_list_has_a_fixed_number_of_queries(
    browser, region, django_assert_max_num_queries
):
    ContingentYearFactory(region=region, year=2020)
    with django_assert_max_num_queries(20) as one:
        assert browser.get(url("year_list")).status_code == 200
    for year in range(2021, 2030):
        ContingentYearFactory(region=region, year=year)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = browser.get(url("year_list"))
    assert "2029" in html(page)


def test_the_split_downloads_as_excel(browser, keyed, corporations):
    response = browser.get(url("year_export", keyed.year))
    assert response["Content-Disposition"].startswith("attachment; filename=")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == 2 * len(corporations)
    assert sum(row[4] for row in rows) == 250
    assert sum(row[4] for row in rows if row[2] == str(Stream(OUTFLOW).label)) == 200


# --- Creating and changing the year --------------------------------------------------------------


def test_create_a_year(browser, region):
    data = {
        "year": 2026,
        "total": 250,
        "outflow_target": 200,
        "prevention_target": 50,
        "key_source": "",
        "review_days": 10,
        "answer_days": 10,
        "placement_days": 30,
        "evaluation_months": "3, 6, 12",
    }
    response = browser.post(url("year_create"), data)
    assert response.status_code == 302
    assert response["Location"] == url("year_detail", 2026)
    assert ContingentYear.objects.get(region=region, year=2026).evaluation_months == [3, 6, 12]


def test_targets_that_do_not_add_up_save_nothing(browser, region):
    data = {
        "year": 2026,
        "total": 250,
        "outflow_target": 200,
        "prevention_target": 40,
        "review_days": 10,
        "answer_days": 10,
        "placement_days": 30,
        "evaluation_months": "3, 6, 12",
    }
    response = browser.post(url("year_create"), data)
    assert response.status_code == 200
    assert "add up to 240 (200 + 40), not to the total of 250" in html(response)
    assert not ContingentYear.objects.filter(year=2026).exists()


def test_bad_evaluation_months_are_explained(browser, year):
    page = browser.get(url("year_update", year.year))
    data = {**form_data(page), "evaluation_months": "drie"}
    response = browser.post(url("year_update", year.year), data)
    assert "Give whole months separated by commas" in html(response)


def test_change_the_policy(browser, year):
    page = browser.get(url("year_update", year.year))
    data = {**form_data(page), "answer_days": 14, "refusals_before_closing": 3}
    response = browser.post(url("year_update", year.year), data)
    assert response.status_code == 302
    year.refresh_from_db()
    assert (year.answer_days, year.refusals_before_closing, year.version) == (14, 3, 2)


def test_a_stale_form_is_refused_with_a_clear_message(browser, year, coordinator):
    page = browser.get(url("year_update", year.year))
    services.contingent_year_update(
        contingent_year=year, expected_version=1, by=coordinator, review_days=4
    )
    response = browser.post(url("year_update", year.year), {**form_data(page), "answer_days": 3})
    assert response.status_code == 200
    assert "Someone else changed this contingent year in the meantime" in html(response)
    year.refresh_from_db()
    assert (year.review_days, year.answer_days) == (4, 10)


# --- The key and the split -----------------------------------------------------------------------


def test_enter_the_key(browser, year, corporations):
    page = browser.get(url("year_stocks", year.year))
    data = {**form_data(page), "key_source": "Jaarverslagen 2024 (fictief)"}
    for index, corp in enumerate(corporations):
        data[f"dwellings_{corp.pk}"] = 1000 if index == 0 else 0
    response = browser.post(url("year_stocks", year.year), data)
    assert response.status_code == 302
    targets = CorporationTarget.objects.filter(contingent_year=year, corporation=corporations[0])
    assert sorted(t.target for t in targets) == [50, 200]


def test_a_key_without_stock_saves_nothing(browser, year, corporations):
    data = {**form_data(browser.get(url("year_stocks", year.year))), "key_source": "Bron"}
    for corp in corporations:
        data[f"dwellings_{corp.pk}"] = 0
    response = browser.post(url("year_stocks", year.year), data)
    assert response.status_code == 200
    assert "Enter at least one corporation with social rental dwellings." in html(response)
    assert not CorporationStock.objects.exists()


def test_a_negative_stock_is_shown_at_its_input(browser, year, corporations):
    data = {**form_data(browser.get(url("year_stocks", year.year))), "key_source": "Bron"}
    for corp in corporations:
        data[f"dwellings_{corp.pk}"] = -1 if corp == corporations[0] else 10
    response = browser.post(url("year_stocks", year.year), data)
    assert response.context["form"].errors[f"dwellings_{corporations[0].pk}"]
    assert not CorporationStock.objects.exists()


def test_a_new_key_asks_to_confirm_discarding_changes_by_hand(browser, keyed, corporations):
    a, b = corporations[:2]
    page = browser.get(url("year_targets", keyed.year))
    data = form_data(page)
    data[f"target_{a.pk}_{OUTFLOW}"] += 1
    data[f"target_{b.pk}_{OUTFLOW}"] -= 1
    data[f"reason_{a.pk}_{OUTFLOW}"] = "Bestuurlijke afspraak"
    data[f"reason_{b.pk}_{OUTFLOW}"] = "Bestuurlijke afspraak"
    assert browser.post(url("year_targets", keyed.year), data).status_code == 302

    page = browser.get(url("year_stocks", keyed.year))
    assert "2 targets were changed by hand" in html(page)
    data = form_data(page)
    response = browser.post(url("year_stocks", keyed.year), data)
    assert response.status_code == 200
    assert "Confirm to discard the changes by hand." in html(response)
    assert CorporationTarget.objects.exclude(change_reason="").count() == 2

    response = browser.post(url("year_stocks", keyed.year), {**data, "confirm_recompute": "on"})
    assert response.status_code == 302
    assert not CorporationTarget.objects.exclude(change_reason="").exists()


def test_a_changed_target_without_reason_saves_nothing(browser, keyed, corporations):
    a, b = corporations[:2]
    data = form_data(browser.get(url("year_targets", keyed.year)))
    data[f"target_{a.pk}_{PREVENTION}"] += 1
    data[f"target_{b.pk}_{PREVENTION}"] -= 1
    response = browser.post(url("year_targets", keyed.year), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors[f"reason_{a.pk}_{PREVENTION}"] == [
        "Give a reason for changing the share the key gives."
    ]
    assert not CorporationTarget.objects.exclude(change_reason="").exists()


def test_targets_that_no_longer_add_up_are_explained(browser, keyed, corporations):
    a = corporations[0]
    data = form_data(browser.get(url("year_targets", keyed.year)))
    data[f"target_{a.pk}_{OUTFLOW}"] += 5
    data[f"reason_{a.pk}_{OUTFLOW}"] = "Meer"
    response = browser.post(url("year_targets", keyed.year), data)
    assert response.status_code == 200
    assert "add up to 205; they must add up to the stream&#x27;s target of 200" in html(response)


def test_the_targets_page_shows_the_key_share(browser, keyed):
    page = browser.get(url("year_targets", keyed.year))
    text = html(page)
    assert "Share by the key" in text
    assert len(page.context["form"].grid()) == 2 * len(page.context["form"].split_rows)


def test_set_the_spread(browser, year, region):
    leiden = region.municipalities.get(cbs_code="GM0546")
    data = {**form_data(browser.get(url("year_spread", year.year))), f"target_{leiden.pk}": 40}
    assert browser.post(url("year_spread", year.year), data).status_code == 302
    assert list(SpreadTarget.objects.values_list("municipality", "target")) == [(leiden.pk, 40)]


def test_set_the_checklists(browser, year):
    data = form_data(browser.get(url("year_criteria", year.year)))
    data["criteria_outflow"] = "Verblijft in een instelling\n\nIs woonvaardig\n"
    data["criteria_prevention"] = "Heeft ambulante begeleiding"
    assert browser.post(url("year_criteria", year.year), data).status_code == 302
    texts = list(EligibilityCriterion.objects.values_list("stream", "text"))
    assert texts == [
        (OUTFLOW, "Verblijft in een instelling"),
        (OUTFLOW, "Is woonvaardig"),
        (PREVENTION, "Heeft ambulante begeleiding"),
    ]


def test_a_ticked_criterion_stays_and_nothing_is_saved(browser, year, coordinator):
    [ticked] = services.criteria_replace(
        contingent_year=year, stream=OUTFLOW, texts=["Is woonvaardig"], by=coordinator
    )
    NominationFactory(contingent_year=year).criteria_met.add(ticked)
    data = form_data(browser.get(url("year_criteria", year.year)))
    data["criteria_outflow"] = "Iets anders"
    data["criteria_prevention"] = "Nieuw"
    response = browser.post(url("year_criteria", year.year), data)
    assert response.status_code == 200
    assert "already ticked on a nomination" in html(response)
    assert list(EligibilityCriterion.objects.values_list("text", flat=True)) == ["Is woonvaardig"]


# --- Reasons to decline --------------------------------------------------------------------------


def test_create_and_change_a_decline_reason(browser, region):
    data = {"label": "Woning te ver van school", "party": "provider", "is_valid": "on"}
    response = browser.post(
        url("decline_reason_create"), {**data, "is_active": "on", "position": 1}
    )
    assert response.status_code == 302
    reason = DeclineReason.objects.get(label="Woning te ver van school")
    response = browser.post(url("decline_reason_update", reason.pk), {**data, "position": 2})
    assert response.status_code == 302
    reason.refresh_from_db()
    assert (reason.is_active, reason.position, reason.is_valid) == (False, 2, True)


def test_a_decline_reason_twice_is_refused(browser, region):
    DeclineReasonFactory(label="Dubbel")
    data = {"label": "Dubbel", "party": "both", "is_valid": "on", "is_active": "on", "position": 0}
    response = browser.post(url("decline_reason_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["label"] == ["This reason is already on the list."]


def test_the_reason_list_shows_reasons_of_the_region_only(browser, region):
    DeclineReasonFactory(label="Eigen reden")
    page = browser.get(url("decline_reason_list"))
    assert "Eigen reden" in html(page)
    assert browser.get(url("decline_reason_update", 999999)).status_code == 404
