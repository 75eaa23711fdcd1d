"""The policy framework in real Chromium, as the project leader (a policy officer): make a
framework, build a theme with an ambition and actions at all three levels through the forms (a
refused action first), see the matrix, make a version, change an action, make a second version and
compare the two. axe-core checks every page and state on the way; links are followed by their
address, so the test holds in either language."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.framework.models import Action, Ambition, Framework, FrameworkVersion, Theme
from onderdak.framework.services.reference import policy_domains_load
from onderdak.region.models import Municipality
from tests.browser.accessibility import assert_accessible
from tests.browser.test_contingent import as_role, checked, follow, press, visit

LEIDEN = "GM0546"


def make_the_framework(page: Page) -> Framework:
    visit(page, reverse("framework:framework_list"))
    follow(page, reverse("framework:framework_create"))
    page.fill("#id_title", "Beleidskader maatschappelijke zorg")
    page.fill("#id_first_year", "2026")
    page.fill("#id_last_year", "2031")
    page.fill("#id_vision", "<p>Iedereen een thuis.</p><script>alert(1)</script>")
    press(page)
    checked(page)
    framework = Framework.objects.get()
    assert framework.vision == "<p>Iedereen een thuis.</p>"
    return framework


def add_item(page: Page, create_url: str, title: str) -> None:
    follow(page, create_url)
    page.fill("#id_title", title)
    press(page)
    checked(page)


def add_action(page: Page, ambition: Ambition, title: str, level: str, owner: str) -> None:
    follow(page, reverse("framework:action_create", args=[ambition.pk]))
    page.fill("#id_title", title)
    page.select_option("#id_level", level)
    page.select_option("#id_owner", owner)
    page.fill("#id_starts_on", "2026-06-01")
    page.fill("#id_ends_on", "2028-12-31")
    press(page)
    checked(page)


def build_the_tree(page: Page, framework: Framework) -> Ambition:
    follow(page, reverse("framework:tree", args=[framework.pk]))
    add_item(page, reverse("framework:theme_create", args=[framework.pk]), "Dakloosheid")
    theme = Theme.objects.get()
    add_item(page, reverse("framework:ambition_create", args=[theme.pk]), "Niemand slaapt buiten")
    ambition = Ambition.objects.get()
    move_a_second_ambition_up(page, theme)
    refuse_an_action_outside_the_period(page, ambition)
    leiden = Municipality.objects.get(cbs_code=LEIDEN)
    add_action(page, ambition, "Lokaal loket", "local", f"m{leiden.pk}")
    add_action(page, ambition, "Woonbegeleiding", "subregional", f"s{leiden.subregion_id}")
    add_action(page, ambition, "Regionale crisisopvang", "regional", "region")
    assert sorted(ambition.actions.values_list("level", flat=True)) == [
        "local",
        "regional",
        "subregional",
    ]
    return ambition


def move_a_second_ambition_up(page: Page, theme: Theme) -> None:
    """The tree's move buttons all submit the page's one move form, each to its item's address."""
    add_item(page, reverse("framework:ambition_create", args=[theme.pk]), "Snel een woning")
    second = theme.ambitions.get(title="Snel een woning")
    move = reverse("framework:ambition_move", args=[second.pk])
    page.locator(f"main button[formaction='{move}'][value=omhoog]").click()
    expect(page).to_have_url(
        reverse("framework:tree", args=[theme.framework_id]) + f"#ambition-{second.pk}"
    )
    checked(page)
    assert theme.ambitions.first() == second
    second.delete()
    visit(page, reverse("framework:tree", args=[theme.framework_id]))


def refuse_an_action_outside_the_period(page: Page, ambition: Ambition) -> None:
    follow(page, reverse("framework:action_create", args=[ambition.pk]))
    page.fill("#id_title", "Te laat")
    page.fill("#id_starts_on", "2040-01-01")
    press(page)
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    assert not Action.objects.exists()
    visit(page, reverse("framework:tree", args=[ambition.theme.framework_id]))


def see_the_matrix(page: Page, framework: Framework) -> None:
    follow(page, reverse("framework:matrix", args=[framework.pk]))
    table = page.locator("main table").first
    for title in ("Lokaal loket", "Woonbegeleiding", "Regionale crisisopvang"):
        expect(table).to_contain_text(title)


def make_a_version(page: Page, framework: Framework, label: str) -> FrameworkVersion:
    visit(page, reverse("framework:version_list", args=[framework.pk]))
    page.fill("#id_label", label)
    press(page, f"main form[action='{reverse('framework:version_create', args=[framework.pk])}']")
    checked(page)
    version = framework.versions.get(label=label)
    expect(page).to_have_url(reverse("framework:version_detail", args=[version.pk]))
    return version


def change_an_action(page: Page) -> None:
    action = Action.objects.get(title="Lokaal loket")
    visit(page, reverse("framework:action_detail", args=[action.pk]))
    follow(page, reverse("framework:action_update", args=[action.pk]))
    page.fill("#id_title", "Eén lokaal loket per gemeente")
    page.select_option("#id_status", "in_progress")
    page.fill("#id_description", "<p>Eén loket voor <b>alle</b> vragen.</p>")
    press(page)
    checked(page)


def compare(page: Page, framework: Framework, first, second) -> None:
    visit(page, reverse("framework:diff", args=[framework.pk]))
    page.select_option("#van", str(first.pk))
    page.select_option("#naar", str(second.pk))
    page.locator("main form.filters button[type=submit]").click()
    checked(page)
    changed = page.locator("main table", has_text="Eén lokaal loket per gemeente")
    expect(changed).to_contain_text("Lokaal loket")  # before, and after:
    expect(changed.locator("tbody tr")).to_have_count(3)  # the title, the text and the status
    expect(changed.locator("ins")).to_contain_text("Eén loket voor alle vragen.")


@pytest.mark.browser
def test_build_the_framework_and_compare_two_versions(browser, site, region):
    policy_domains_load()
    context, page = as_role(browser, site, Role.POLICY_OFFICER)
    try:
        framework = make_the_framework(page)
        build_the_tree(page, framework)
        see_the_matrix(page, framework)
        first = make_a_version(page, framework, "Eerste concept")
        change_an_action(page)
        second = make_a_version(page, framework, "Tweede concept")
        compare(page, framework, first, second)
    finally:
        context.close()
