"""The dashboard page: filters, map, charts with tables, downloads, print layout, demo labels, the
empty state, and the monitor on the home page and in the navigation."""

import io
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.core.exports import HEADER_ROW
from onderdak.monitor.selectors.dashboard import CHART_KEYS, MAP, DashboardQuery, dashboard
from onderdak.monitor.selectors.indicators_catalogue import short_date
from tests.monitor.dashboard_data import (
    EARLIER,
    count_with,
    in_english,
    seeded_rows,
    two_counts,
)
from tests.monitor.html_tables import html_tables

pytestmark = pytest.mark.usefixtures("reference_values")
DASHBOARD = reverse("monitor:dashboard")


@pytest.fixture(autouse=True)
def _english(client):
    yield from in_english(client)


@pytest.fixture
def policy_client(make_member, login):
    return login(make_member(Role.POLICY_OFFICER))


def page(client, **query) -> str:
    response = client.get(DASHBOARD, query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_has_filters_map_charts_tables_and_a_download_per_chart(policy_client):
    two_counts()
    html = page(policy_client)
    for name in ("telling", "subregio", "indicator", "jaar"):
        assert f'<select name="{name}"' in html
    assert '<form method="get" class="filters"' in html
    assert html.count('class="choropleth__svg"') == 1
    drawn, not_drawn = html.count('class="chart__svg"'), html.count("Nothing can be drawn")
    assert drawn >= 4
    assert drawn + not_drawn == 6  # four breakdowns and two trends
    assert len(html_tables(html)) == 1 + 6
    for key in CHART_KEYS[:-1]:  # the yearly trend only for a yearly indicator
        assert reverse("monitor:dashboard_export", args=[key]) in html
    assert "<script>" not in html
    assert 'style="' not in html


def test_print_button_is_added_by_a_script_file_and_the_page_prints_without_it(policy_client):
    count_with(seeded_rows(1))
    html = page(policy_client)
    assert re.search(r"<button [^>]*data-print hidden>", html)
    assert re.search(r'<script src="[^"]*monitor/print\.js" defer></script>', html)
    assert re.search(r'<link rel="stylesheet" href="[^"]*onderdak/print\.css" media="print">', html)
    with open(finders.find("monitor/print.js"), encoding="utf-8") as handle:
        script = handle.read()
    assert "window.print()" in script
    assert "hidden = false" in script


def test_print_css_lays_the_dashboard_out_on_a4_with_a_page_per_section():
    with open(finders.find("onderdak/print.css"), encoding="utf-8") as handle:
        css = handle.read()
    assert "@page monitor { size: A4 portrait;" in css
    assert ".monitor-dashboard { page: monitor;" in css
    assert ".monitor-dashboard .monitor-section ~ .monitor-section { break-before: page; }" in css
    assert ".monitor-dashboard .monitor-print, .monitor-dashboard .chart-download" in css
    assert ".filters" in css.split("\n")[1]  # the filters and navigation are not printed
    assert "max-width: 100%" in css


def test_every_figure_shows_its_source_and_date(policy_client):
    earlier, later = two_counts()
    html = page(policy_client)
    sources = re.findall(r'<p class="figure-source">([^<]*)</p>', html)
    assert len(sources) == 1 + 1 + 6  # key figures, map, charts
    assert all(later.title in source or earlier.title in source for source in sources)
    assert all(short_date(later.count_date) in source for source in sources)


def test_switching_indicator_and_year_redraws_the_map(policy_client):
    earlier, _later = two_counts()
    html = page(policy_client, indicator="ethos-people", jaar=EARLIER.year)
    assert f"People counted per municipality, {short_date(EARLIER)}" in html
    people = {
        title.split(": ")[0]: title.split(": ")[1]
        for title in re.findall(r'data-gebied="GM\d+"><title>([^<]*)</title>', html)
    }
    assert len(people) == 13
    board = dashboard(
        region=earlier.region,
        suppressed=True,
        query=DashboardQuery(indicator="ethos-people", year=EARLIER.year),
    )
    assert people == {r.municipality.name: r.figure.display for r in board.map.rows}


def test_a_subregion_shows_its_municipalities_beside_its_total(policy_client):
    count_with(seeded_rows(2))
    html = page(policy_client, subregio="rijnstreek")
    categories = next(t for t in html_tables(html) if t.caption.startswith("People per ETHOS"))
    assert categories.rows[0][1:5] == [
        "Alphen aan den Rijn",
        "Kaag en Braassem",
        "Nieuwkoop",
        "Rijnstreek",
    ]
    assert '<option value="rijnstreek" selected>' in html


def test_filters_that_make_no_sense_are_named_and_the_page_shows_what_it_can(policy_client):
    count_with(seeded_rows(3))
    html = page(policy_client, telling="abc", subregio="nergens", jaar="1990")
    assert "“abc” is not a number." in html
    assert "The region has no subregion with this name." in html
    assert "There are no figures of this indicator for 1990." in html
    assert '<option value="2024" selected>' in html


def test_each_download_holds_the_table_of_its_chart(policy_client):
    count = count_with(seeded_rows(4))
    board = dashboard(
        region=count.region, suppressed=True, query=DashboardQuery(subregion="leidse-regio")
    )
    for table in board.tables:
        url = reverse("monitor:dashboard_export", args=[table.key])
        response = policy_client.get(url, {"subregio": "leidse-regio"})
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet.cell(1, 1).value == table.title
        assert "Counts from 1 to 4 are hidden" in sheet.cell(2, 1).value
        header = [c.value for c in sheet[HEADER_ROW]]
        assert header == [table.row_header, *table.columns, "Hidden figures"]
        labels = [r[0] for r in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
        assert labels == [row.label for row in table.rows]


def test_a_chart_the_page_does_not_have_is_not_found(policy_client):
    count_with(seeded_rows(5))
    url = reverse("monitor:dashboard_export", args=["verloop-jaren"])
    assert policy_client.get(url).status_code == 404
    assert policy_client.get(reverse("monitor:dashboard_export", args=["niets"])).status_code == 404


def test_demo_figures_are_labelled_on_the_page_in_every_caption_and_in_the_download(
    policy_client,
):
    count_with(seeded_rows(6), is_demo=True, title="Fictieve demotelling")
    html = page(policy_client)
    assert "not the region's real figures" in html
    captions = [table.caption for table in html_tables(html)]
    assert captions
    assert all(
        caption.endswith("(fictitious demo figures, not the region's real figures)")
        for caption in captions
    )
    response = policy_client.get(reverse("monitor:dashboard_export", args=[MAP]))
    label = load_workbook(io.BytesIO(response.content)).active.cell(2, 1).value
    assert label.startswith("Fictitious demo figures, not the region's real figures.")


def test_real_figures_carry_no_demo_label(policy_client):
    count_with(seeded_rows(6))
    assert "fictitious demo figures" not in page(policy_client)


def test_the_coordinator_sees_every_figure(make_member, login):
    count_with(seeded_rows(7))
    client = login(make_member(Role.REGIONAL_COORDINATOR))
    html = page(client)
    assert "&lt;5" not in html
    assert "To protect the people counted" not in html
    response = client.get(reverse("monitor:dashboard_export", args=["categorieen"]))
    label = load_workbook(io.BytesIO(response.content)).active.cell(2, 1).value
    assert "unsuppressed" in label


def test_without_counts_the_page_says_what_to_do(policy_client, make_member, login):
    html = page(policy_client)
    assert "No figures yet" in html
    try:
        counts_url = reverse("monitor:count_list")
    except NoReverseMatch:
        assert "Counts are imported on the counts page of the monitor." in html
    else:
        assert counts_url in html
    reader = login(make_member(Role.GOVERNANCE_READER))
    assert "A policy officer of the region imports the counts." in page(reader)


@pytest.mark.parametrize(
    "role", [Role.POLICY_OFFICER, Role.GOVERNANCE_READER, Role.MUNICIPALITY_OFFICER]
)
def test_the_home_page_shows_the_latest_count_suppressed(role, make_member, login):
    _earlier, later = two_counts()
    html = login(make_member(role)).get(reverse("core:home")).content.decode()
    assert 'id="monitor-titel"' in html
    assert f"{DASHBOARD}?telling={later.pk}" in html
    assert f"in the count of {short_date(later.count_date)}" in html
    board = dashboard(region=later.region, suppressed=True, query=DashboardQuery())
    shown = board.key_figures[0].figure.display.replace("<", "&lt;")
    assert f'<span class="figure">{shown}</span>' in html


@pytest.mark.parametrize("role", [Role.CARE_WORKER, Role.REGIONAL_COORDINATOR])
def test_other_roles_have_no_monitor_section_on_their_home_page(role, make_member, login):
    count_with(seeded_rows(8))
    html = login(make_member(role)).get(reverse("core:home")).content.decode()
    assert 'id="monitor-titel"' not in html


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        (Role.GOVERNANCE_READER, True),
        (Role.REGIONAL_COORDINATOR, True),
        (Role.CARE_WORKER, False),
        (Role.ADMINISTRATOR, False),
    ],
)
def test_the_menu_links_to_the_monitor_for_its_readers(role, shown, make_member, login):
    html = login(make_member(role)).get(reverse("core:home")).content.decode()
    assert (f'href="{DASHBOARD}"' in html.split("</nav>")[0]) == shown
