"""The print view of the working copy and of a version: the same content as the Word export, the
long tables' rows written in Python with the markup the template wrote (escaped texts, lines as
``<br>``); who may print which version; a fixed query count."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import VersionStatus
from onderdak.framework.services.versions import version_create
from onderdak.framework.templatetags.framework_document import table_rows
from tests.capacity.in_english import english  # noqa: F401
from tests.framework.documents_data import full_framework, input_item
from tests.framework.test_export_word import grow

pytestmark = pytest.mark.usefixtures("policy_domains", "english")


def printed(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_working_copy_prints_its_actions_per_level_and_its_input(region, make_member, login):
    framework = full_framework()
    input_item(framework, text="<p>Eerste regel</p><p>Tweede <b>&amp;</b> regel</p>")
    page = printed(
        login(make_member(Role.POLICY_OFFICER)), reverse("framework:print", args=[framework.pk])
    )
    assert '<tr><th scope="row">Lokale toegang verbeteren</th><td>Niemand slaapt buiten</td>' in (
        page
    )
    for title in ("Local actions", "Subregional actions", "Regional actions"):
        assert f"<caption>{title} — Dakloosheid</caption>" in page
    assert "<td>Eerste regel<br>Tweede &amp; regel</td>" in page
    assert "<td>Werksessie preventie 05/01/2025</td>" in page
    assert '<td>dakloos-per-10000</td><td class="num"></td><td class="num">8.50</td>' in page
    assert reverse("framework:export", args=[framework.pk]) in page


def test_a_version_prints_from_its_frozen_content(region, make_member, login):
    framework = full_framework()
    editor = make_member(Role.POLICY_OFFICER)
    version = version_create(framework=framework, user=editor, label="concept")
    framework.themes.update(title="Later hernoemd")
    page = printed(login(editor), reverse("framework:version_print", args=[version.pk]))
    assert "<caption>Local actions — Dakloosheid</caption>" in page
    assert "Later hernoemd</h3>" not in page
    assert "<dd>version 1 (concept)</dd>" in page
    assert reverse("framework:version_export", args=[version.pk]) in page


def test_a_governance_reader_prints_only_versions_put_to_them(region, make_member, login):
    framework = full_framework()
    version = version_create(framework=framework, user=make_member(Role.POLICY_OFFICER))
    client = login(make_member(Role.GOVERNANCE_READER))
    url = reverse("framework:version_print", args=[version.pk])
    assert client.get(url).status_code == 403
    version.status = VersionStatus.CONSULTATION
    version.save()
    assert client.get(url).status_code == 200
    assert client.get(reverse("framework:print", args=[framework.pk])).status_code == 403
    assert client.get(reverse("framework:version_print", args=[version.pk + 99])).status_code == 404


@pytest.mark.parametrize("name", ["framework:print", "framework:version_print"])
def test_the_print_query_count_does_not_grow(
    region, make_member, login, django_assert_max_num_queries, name
):
    framework = full_framework()
    editor = make_member(Role.POLICY_OFFICER)
    client = login(editor)

    def url() -> str:
        if name == "framework:print":
            return reverse(name, args=[framework.pk])
        return reverse(name, args=[version_create(framework=framework, user=editor).pk])

    small_url = url()
    client.get(small_url)
    with django_assert_max_num_queries(45) as small:
        client.get(small_url)
    grow(framework)
    large_url = url()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(large_url)


def test_table_rows_escape_every_text_and_mark_the_figures():
    rows = table_rows([["<b>A</b>", "x\ny", "1.5"]], numeric_from=2)
    assert rows == (
        '<tr><th scope="row">&lt;b&gt;A&lt;/b&gt;</th><td>x<br>y</td><td class="num">1.5</td></tr>'
    )
    assert table_rows([["a", "b"]]) == '<tr><th scope="row">a</th><td>b</td></tr>'
