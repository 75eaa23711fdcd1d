"""The framework's pages as the project leader: make a framework, build its tree through the
forms, see the matrix, make versions and compare them; bad input shown on the form."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.framework.models import Action, Ambition, Framework, FrameworkVersion, Theme
from onderdak.region.models import Municipality
from tests.framework.factories import ActionFactory, FrameworkFactory, ThemeFactory
from tests.framework.tree_data import example_action, example_framework, put_version

pytestmark = pytest.mark.usefixtures("policy_domains")


@pytest.fixture
def leader_client(region, make_member, login):
    return login(make_member(Role.POLICY_OFFICER))


def test_build_a_framework_through_the_forms(region, leader_client):
    http = leader_client
    response = http.post(
        reverse("framework:framework_create"),
        {"title": "Kader", "first_year": 2026, "last_year": 2031, "vision": "<p>Thuis</p>"},
    )
    framework = Framework.objects.get()
    assert response.status_code == 302
    http.post(reverse("framework:theme_create", args=[framework.pk]), {"title": "Preventie"})
    theme = Theme.objects.get()
    http.post(
        reverse("framework:ambition_create", args=[theme.pk]),
        {"title": "Vroeg erbij", "theme": theme.pk},
    )
    ambition = Ambition.objects.get()
    leiden = Municipality.objects.get(cbs_code="GM0546")
    for level, owner in (
        ("local", f"m{leiden.pk}"),
        ("subregional", f"s{leiden.subregion_id}"),
        ("regional", "region"),
    ):
        response = http.post(
            reverse("framework:action_create", args=[ambition.pk]),
            {
                "title": f"Actie {level}",
                "ambition": ambition.pk,
                "level": level,
                "owner": owner,
                "status": "planned",
                "starts_on": "2026-03-01",
                "ends_on": "2027-03-01",
            },
        )
        assert response.status_code == 302, response.content
    assert sorted(Action.objects.values_list("level", flat=True)) == [
        "local",
        "regional",
        "subregional",
    ]
    for name in ("framework_detail", "tree", "matrix", "version_list"):
        assert http.get(reverse(f"framework:{name}", args=[framework.pk])).status_code == 200
    assert http.get(reverse("framework:matrix_export", args=[framework.pk])).status_code == 200
    http.post(reverse("framework:version_create", args=[framework.pk]), {"label": "Eerste"})
    action = Action.objects.get(level="local")
    http.post(
        reverse("framework:action_update", args=[action.pk]),
        {
            "title": "Lokaal loket",
            "ambition": ambition.pk,
            "level": "local",
            "owner": f"m{leiden.pk}",
            "status": "in_progress",
        },
    )
    http.post(reverse("framework:version_create", args=[framework.pk]), {"label": ""})
    first, second = FrameworkVersion.objects.order_by("number")
    response = http.get(
        reverse("framework:diff", args=[framework.pk]), {"van": first.pk, "naar": second.pk}
    )
    diff = response.context["diff"]
    [changed] = diff.changed
    assert changed.title == "Lokaal loket"
    assert [f.old for f in changed.fields][:1] == ["Actie local"]
    response = http.get(reverse("framework:version_detail", args=[second.pk]))
    assert response.status_code == 200
    response = http.post(
        reverse("framework:version_transition", args=[second.pk]),
        {"stap": "consult", "revisie": second.version},
    )
    second.refresh_from_db()
    assert second.status == "consultation"


def test_bad_action_input_is_shown_on_the_form(region, leader_client):
    action = ActionFactory()
    response = leader_client.post(
        reverse("framework:action_create", args=[action.ambition.pk]),
        {
            "title": "Te laat",
            "ambition": action.ambition.pk,
            "level": "regional",
            "owner": f"m{action.owner_municipality_id}",
            "status": "planned",
            "starts_on": "2040-01-01",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"owner", "starts_on"}
    assert Action.objects.count() == 1


def test_no_stored_xss_in_the_pages(region, leader_client):
    attack = '<p>Tekst<script>alert("x")</script><img src=x onerror="alert(1)"></p>'
    framework = FrameworkFactory()
    leader_client.post(
        reverse("framework:framework_update", args=[framework.pk]),
        {"title": "Kader", "first_year": 2026, "last_year": 2031, "vision": attack},
    )
    leader_client.post(
        reverse("framework:theme_create", args=[framework.pk]),
        {"title": "<script>alert(2)</script>", "description": attack},
    )
    for name in ("framework_detail", "tree"):
        page = leader_client.get(reverse(f"framework:{name}", args=[framework.pk])).content.decode()
        assert "<script>alert" not in page
        assert "onerror" not in page
    assert "&lt;script&gt;alert(2)" in page


def test_governance_readers_see_versions_put_to_them_only(region, make_member, login):
    leader = make_member(Role.POLICY_OFFICER)
    from onderdak.framework.services.versions import version_create, version_transition

    framework = ActionFactory().ambition.theme.framework
    draft = version_create(framework=framework, user=leader)
    shown = version_transition(
        version=version_create(framework=framework, user=leader), action="consult"
    )
    http = login(make_member(Role.GOVERNANCE_READER))
    assert http.get(reverse("framework:tree", args=[framework.pk])).status_code == 403
    assert http.get(reverse("framework:version_detail", args=[draft.pk])).status_code == 404
    assert http.get(reverse("framework:version_detail", args=[shown.pk])).status_code == 200
    page = http.get(reverse("framework:framework_detail", args=[framework.pk]))
    assert list(page.context["versions"]) == [shown]
    response = http.get(
        reverse("framework:diff", args=[framework.pk]), {"van": "werk", "naar": shown.pk}
    )
    assert response.status_code == 404


def test_the_front_page_counts_per_level_and_lists_the_parts(region, leader_client):
    framework = example_framework()
    page = leader_client.get(reverse("framework:framework_detail", args=[framework.pk]))
    counts = page.context["counts"]
    assert (counts.themes, counts.ambitions, counts.actions) == (1, 1, 3)
    assert [n for _label, n in counts.per_level] == [1, 1, 1]
    urls = [url for _label, url in page.context["parts"]]
    assert reverse("framework:matrix", args=[framework.pk]) in urls


def test_the_matrix_flags_the_same_task_at_two_levels(region, leader_client):
    framework = example_framework()
    matrix = leader_client.get(reverse("framework:matrix", args=[framework.pk])).context["matrix"]
    [group] = matrix.claimed_twice
    assert {a.title for a in group} == {"Lokaal loket", "Lokaal loket!"}
    assert not matrix.without_owner
    ActionFactory(ambition=example_action().ambition, unowned=True, title="Nog niet belegd")
    matrix = leader_client.get(reverse("framework:matrix", args=[framework.pk])).context["matrix"]
    assert [a.title for a in matrix.without_level] == ["Nog niet belegd"]


def test_compare_a_version_with_the_working_copy(region, leader_client):
    framework = example_framework()
    action = example_action()
    action.title = "Anders genoemd"
    action.save()
    response = leader_client.get(
        reverse("framework:diff", args=[framework.pk]), {"van": put_version().pk, "naar": "werk"}
    )
    [changed] = response.context["diff"].changed
    assert changed.title == "Anders genoemd"
    missing = leader_client.get(
        reverse("framework:diff", args=[framework.pk]), {"van": "999999", "naar": "werk"}
    )
    assert missing.status_code == 404


def test_link_an_indicator_with_targets(region, leader_client, monkeypatch):
    from onderdak.framework.views import tree_action

    info = type("Info", (), {"code": "ethos-people", "name": "Dakloze mensen"})
    monkeypatch.setattr(tree_action, "region_catalogue", lambda region: [info])
    action = example_action()
    url = reverse("framework:indicator_set", args=[action.pk])
    leader_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"  # a Dutch decimal comma
    response = leader_client.post(url, {"code": "ethos-people", "target_2027": "12,5"})
    assert response.status_code == 302
    target = action.indicators.get(indicator_code="ethos-people").targets.get()
    assert (target.year, str(target.value)) == (2027, "12.50")


def test_items_move_up_and_down(region, leader_client):
    framework = example_framework()
    second = ThemeFactory(framework=framework, title="Tweede")
    leader_client.post(reverse("framework:theme_move", args=[second.pk]), {"richting": "omhoog"})
    assert framework.themes.first().title == "Tweede"


def test_the_matrix_as_excel(region, leader_client):
    framework = example_framework()
    response = leader_client.get(reverse("framework:matrix_export", args=[framework.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    texts = {
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value
    }
    assert any("Lokaal loket (Alphen aan den Rijn)" in text for text in texts)
    assert any("Lokaal loket!" in text for text in texts)  # flagged: the same task twice
    assert len(workbook.worksheets) >= 2


def test_a_version_label_too_long_is_shown_on_the_list(region, leader_client):
    framework = example_framework()
    response = leader_client.post(
        reverse("framework:version_create", args=[framework.pk]), {"label": "x" * 201}
    )
    assert response.status_code == 200
    assert "label" in response.context["form"].errors
    assert framework.versions.count() == 2
