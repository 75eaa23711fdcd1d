"""The Word export: real headings and tables, the actions per level, the indicators, the input
account and the current state; who may download the working copy and which versions."""

import io

import pytest
from django.urls import reverse
from docx import Document as read_docx

from onderdak.accounts.models import Role
from onderdak.framework.documents.blocks import BULLET, HEADING, NUMBER, PARAGRAPH, Block, blocks
from onderdak.framework.models import VersionStatus
from onderdak.framework.services.versions import version_create
from tests.capacity.in_english import english  # noqa: F401
from tests.framework.documents_data import full_framework

pytestmark = pytest.mark.usefixtures("policy_domains", "english")


def headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def table_texts(doc) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]


def download(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert "attachment" in response["Content-Disposition"]
    return read_docx(io.BytesIO(response.content))


def test_the_working_copy_has_its_headings_tables_and_properties(region, make_member, login):
    framework = full_framework()
    client = login(make_member(Role.POLICY_OFFICER))
    doc = download(client, reverse("framework:export", args=[framework.pk]))
    assert doc.core_properties.title == "Beleidskader Maatschappelijke Zorg"
    assert doc.core_properties.language == "nl-NL"
    assert headings(doc, 1) == [
        "Vision",
        "Themes, ambitions and actions",
        "Indicators and targets",
        "Participation account: input and response",
        "Annex: current state",
    ]
    assert "Dakloosheid" in headings(doc, 2)
    assert {"Local actions", "Subregional actions", "Regional actions"} <= set(headings(doc, 3))
    assert "Actions without a level" in headings(doc, 3)


def test_each_level_has_a_table_of_its_actions(region, make_member, login):
    framework = full_framework()
    client = login(make_member(Role.POLICY_OFFICER))
    doc = download(client, reverse("framework:export", args=[framework.pk]))
    action_tables = [t for t in table_texts(doc) if t[0][0] == "Action" and t[0][1] == "Ambition"]
    first_column = [[row[0] for row in table[1:]] for table in action_tables]
    assert first_column == [
        ["Lokale toegang verbeteren"],
        ["Subregionale daklozenopvang"],
        ["Regionale crisisopvang"],
        ["Nog te verdelen taak"],
    ]
    local = action_tables[0][1]
    assert local[2] == "Leiden"
    assert "Wonen" in local[4] or "Housing" in local[4]
    assert local[5] == "01-01-2026 \u2013 31-12-2027"


def test_the_indicators_and_the_input_account_are_tables(region, make_member, login):
    framework = full_framework()
    client = login(make_member(Role.POLICY_OFFICER))
    doc = download(client, reverse("framework:export", args=[framework.pk]))
    tables = table_texts(doc)
    indicators = next(t for t in tables if t[0][:2] == ["Action", "Indicator"])
    assert indicators[0][2:] == [str(y) for y in range(2026, 2032)]
    assert indicators[1][:2] == ["Lokale toegang verbeteren", "dakloos-per-10000"]
    assert indicators[1][3] == "8.50"
    account = [t for t in tables if t[0][0] == "From"]
    texts = [row[2] for table in account for row in table[1:]]
    assert "Meer aandacht voor preventie." in texts
    assert "Lokale toegang verbeteren: Betrek woningcorporaties." in texts
    assert "Algemene opmerking." in texts
    responses = [row[3] for table in account for row in table[1:]]
    assert "adopted: Opgenomen als actie." in responses
    summary = "3 contributions, of which 2 without a response yet."
    assert any(summary in p.text for p in doc.paragraphs)


def test_the_annex_quotes_the_current_state(region, make_member, login):
    framework = full_framework()
    client = login(make_member(Role.MUNICIPALITY_OFFICER))
    doc = download(client, reverse("framework:export", args=[framework.pk]))
    assert "Organisations" in headings(doc, 2)
    figures = [t for t in table_texts(doc) if t[0] == ["Figure", "Value", "Date", "Source"]]
    assert any("municipalities" in row[0] and row[1] == "13" for t in figures for row in t)


def test_the_vision_keeps_its_lists(region, make_member, login):
    framework = full_framework()
    client = login(make_member(Role.POLICY_OFFICER))
    doc = download(client, reverse("framework:export", args=[framework.pk]))
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Iedereen een thuis."] == "Normal"
    assert styles["Preventie eerst"] == "List Bullet"


def test_a_demo_framework_says_so_on_its_title_page(region, make_member, login):
    framework = full_framework(is_demo=True)
    client = login(make_member(Role.POLICY_OFFICER))
    doc = download(client, reverse("framework:export", args=[framework.pk]))
    assert any(p.text.startswith("Demo content") for p in doc.paragraphs[:8])


def test_a_version_is_exported_from_its_frozen_content(region, make_member, login):
    framework = full_framework()
    editor = make_member(Role.POLICY_OFFICER)
    version = version_create(framework=framework, user=editor, label="concept")
    framework.themes.update(title="Later hernoemd")
    doc = download(login(editor), reverse("framework:version_export", args=[version.pk]))
    assert "Dakloosheid" in headings(doc, 2)
    assert any(p.text == "Edition: version 1 (concept)" for p in doc.paragraphs)


def test_a_governance_reader_exports_only_versions_put_to_them(region, make_member, login):
    framework = full_framework()
    version = version_create(framework=framework, user=make_member(Role.POLICY_OFFICER))
    client = login(make_member(Role.GOVERNANCE_READER))
    url = reverse("framework:version_export", args=[version.pk])
    assert client.get(url).status_code == 403
    version.status = VersionStatus.CONSULTATION
    version.save()
    assert client.get(url).status_code == 200
    assert client.get(reverse("framework:export", args=[framework.pk])).status_code == 403


def test_another_regions_framework_is_not_found(region, make_member, login):
    framework = full_framework()
    client = login(make_member(Role.POLICY_OFFICER))
    assert client.get(reverse("framework:export", args=[framework.pk + 1000])).status_code == 404


def test_the_export_query_count_does_not_grow(
    region, make_member, login, django_assert_max_num_queries
):
    framework = full_framework()
    client = login(make_member(Role.POLICY_OFFICER))
    url = reverse("framework:export", args=[framework.pk])
    client.get(url)
    with django_assert_max_num_queries(45) as small:
        client.get(url)
    grow(framework)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def grow(framework) -> None:
    """Three more of each part of the tree and of the input."""
    from tests.framework.documents_data import input_item
    from tests.framework.factories import ActionFactory, AmbitionFactory, ThemeFactory

    for _ in range(3):
        ambition = AmbitionFactory(theme=ThemeFactory(framework=framework))
        ActionFactory(ambition=ambition, regional=True)
        ActionFactory(ambition=ambition, subregional=True)
        input_item(framework, theme=ambition.theme, answered=True)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Een</p><p>Twee</p>", [Block(PARAGRAPH, "Een"), Block(PARAGRAPH, "Twee")]),
        ("<ol><li>a</li><li>b</li></ol>", [Block(NUMBER, "a"), Block(NUMBER, "b")]),
        (
            "<h3>Kop</h3>los<ul><li><em>x</em> y</li></ul>",
            [Block(HEADING, "Kop"), Block(PARAGRAPH, "los"), Block(BULLET, "x y")],
        ),
        ("<script>alert(1)</script><p onclick='x'>veilig</p>", [Block(PARAGRAPH, "veilig")]),
        ("", []),
    ],
)
def test_blocks_of_a_stored_text(html, expected):
    assert blocks(html) == expected


def test_a_contribution_keeps_its_lines_and_loses_its_script(region, make_member, login):
    from tests.framework.documents_data import input_item

    framework = full_framework()
    input_item(framework, text="<p>Eerste regel</p><script>alert(1)</script><p>Tweede regel</p>")
    doc = download(
        login(make_member(Role.POLICY_OFFICER)), reverse("framework:export", args=[framework.pk])
    )
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert "Eerste regel\nTweede regel" in cells
    assert not any("alert" in text for text in cells)


def test_characters_xml_does_not_allow_are_left_out(region, make_member, login):
    from tests.framework.documents_data import input_item

    framework = full_framework()
    input_item(framework, text="Geplakt uit\x01 Word & <co>")
    doc = download(
        login(make_member(Role.POLICY_OFFICER)), reverse("framework:export", args=[framework.pk])
    )
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert "Geplakt uit Word &" in cells
