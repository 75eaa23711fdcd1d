"""The framework's pages as the project leader: make a framework, build its tree through the
forms, see the matrix, make versions and compare them; bad input shown on the form."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import Action, Ambition, Framework, FrameworkVersion, Theme
from onderdak.region.models import Municipality
from tests.framework.factories import ActionFactory, FrameworkFactory

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
