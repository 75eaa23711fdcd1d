"""No small count can be derived from everything a policy officer can see of the counts.

On constructed data with many small cells (two counts, and an imported indicator that counts
people), the test requests what a policy officer can see — the dashboard page for every area and
map indicator, the Excel download of every chart and the API — and checks that:

1. every figure on the page, in the downloads and in the API is the figure the selector made,
   and a hidden one shows as "<5" or "x" (HTML), an empty cell (Excel) or ``null`` (JSON);
2. every published count is a cell of its version's cube with the cube's value, shown exactly
   when the cube shows it, and every published rate, share or change is computed from shown
   cells only (so it gives nothing away that the cells do not);
3. the engine's ``exposure`` auditor, given all cells and groups of the cube and what is hidden,
   finds for every small cell a range of at least two whole numbers: a reader who knows every
   shown figure, every sum and that counts are whole and at least 0 cannot tell its value.

Because (2) holds for every view, two filtered views cannot be combined into more than the cube
shows, and (3) covers everything the cube shows.
"""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.core.exports import HEADER_ROW
from onderdak.engines.suppression import SMALLEST_SHOWN, Hidden, exposure, suppress
from onderdak.monitor.api.indicators import number
from onderdak.monitor.selectors.dashboard import MAP, DashboardQuery, dashboard
from onderdak.monitor.selectors.dashboard_data import geography, monitor_data
from onderdak.monitor.selectors.indicators_imported import people_cells
from onderdak.monitor.views.dashboard_charts import map_title
from tests.monitor.dashboard_data import imported_indicator, two_counts
from tests.monitor.html_tables import table_by_caption

pytestmark = pytest.mark.usefixtures("reference_values")
AREAS = ("", "leidse-regio", "duin-en-bollenstreek", "rijnstreek")
MAP_INDICATORS = (
    "ethos-people",
    "ethos-per-10000",
    "ethos-change",
    "ethos-change-percent",
    "ethos-share-1",
    "ontruimingen",
)
SHOWN_AS = {Hidden.SMALL: "<5", Hidden.DERIVED: "x"}


class Published:
    """Every figure the policy officer was shown, by where it came from."""

    def __init__(self):
        self.figures = []

    def add(self, figure):
        self.figures.append(figure)


@pytest.fixture
def data(region):
    counts = two_counts(seed=11)
    indicator = imported_indicator(region, seed=12)
    return counts, indicator


@pytest.fixture
def officer(make_member, login, api_login):
    user = make_member(Role.POLICY_OFFICER)
    return login(user), api_login(user)


def page_query(count, area, indicator="") -> dict:
    query = {"telling": count.pk, "subregio": area, "indicator": indicator}
    return {key: value for key, value in query.items() if value != ""}


def api_query(count, area, indicator="") -> dict:
    query = {"count": count.pk, "subregion": area, "indicator": indicator}
    return {key: value for key, value in query.items() if value != ""}


def check_html_table(html: str, title: str, figure_rows, column: int | None = None) -> None:
    """The page's table captioned ``title`` shows every figure as the selector made it."""
    rows = table_by_caption(html, title).rows[1:]
    assert len(rows) == len(figure_rows)
    for texts, (label, figures) in zip(rows, figure_rows, strict=True):
        assert texts[0] == label
        cells = texts[1:] if column is None else [texts[column]]
        assert cells == [figure.display for figure in figures]
        for text, figure in zip(cells, figures, strict=True):
            if figure.hidden:
                assert text == SHOWN_AS[figure.hidden]


def check_sheet(response, figure_rows, column: int) -> None:
    """The download holds the shown values, and nothing where a figure is hidden."""
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == len(figure_rows)
    for values, (label, figures) in zip(rows, figure_rows, strict=True):
        assert values[0] == label
        cells = values[column : column + len(figures)]
        assert list(cells) == [number(f.shown) for f in figures]


def check_views(board, html, client, api, count, area, published) -> None:
    """Page, downloads and API of one view against the selector's figures."""
    query = page_query(count, area, board.indicator.code)
    json = api.get(reverse("monitor-dashboard-list"), api_query(count, area, board.indicator.code))
    assert json.status_code == 200
    body = json.json()
    for table in board.tables:
        rows = [(row.label, row.cells) for row in table.rows]
        check_html_table(html, table.title, rows)
        url = reverse("monitor:dashboard_export", args=[table.key])
        check_sheet(client.get(url, query), rows, column=1)
        api_rows = next(t for t in body["tables"] if t["key"] == table.key)["rows"]
        for row, api_row in zip(table.rows, api_rows, strict=True):
            assert api_row["values"] == [number(c.shown) for c in row.cells]
            assert api_row["hidden"] == [str(c.hidden) for c in row.cells]
        for row in table.rows:
            for figure in row.cells:
                published.add(figure)
    check_map(board, html, client, body, query, published)
    for item, api_item in zip(board.key_figures, body["key_figures"], strict=True):
        assert api_item["value"] == number(item.figure.shown)
        published.add(item.figure)


def check_map(board, html, client, body, query, published) -> None:
    rows = [(row.municipality.name, [row.figure]) for row in board.map.rows]
    check_html_table(html, map_title(board.map), rows, column=2)
    url = reverse("monitor:dashboard_export", args=[MAP])
    check_sheet(client.get(url, query), rows, column=3)
    for row, api_row in zip(board.map.rows, body["map"]["rows"], strict=True):
        assert api_row["value"] == number(row.figure.shown)
        assert api_row["hidden"] == str(row.figure.hidden)
        if row.figure.hidden:
            shown = SHOWN_AS[row.figure.hidden].replace("<", "&lt;")
            assert f"<title>{row.municipality.name}: {shown}</title>" in html
        published.add(row.figure)


def test_nothing_a_policy_officer_sees_gives_a_small_count_away(region, data, officer):
    counts, indicator = data
    client, api = officer
    published = Published()
    for count in counts:
        for area in AREAS:
            board = dashboard(
                region=region,
                suppressed=True,
                query=DashboardQuery(count=count.pk, subregion=area),
            )
            html = client.get(reverse("monitor:dashboard"), page_query(count, area)).content
            check_views(board, html.decode(), client, api, count, area, published)
    for code in MAP_INDICATORS:
        board = dashboard(region=region, suppressed=True, query=DashboardQuery(indicator=code))
        html = client.get(reverse("monitor:dashboard"), {"indicator": code}).content.decode()
        check_views(board, html, client, api, counts[-1], "", published)
    assert_traceable_and_unexposed(region, published, indicator)


def assert_traceable_and_unexposed(region, published: Published, indicator) -> None:
    data = monitor_data(region=region, suppressed=True)
    cubes = {count.version: data.cube(count) for count in data.counts}
    people = _people_cubes(region, indicator)
    for figure in published.figures:
        for source in figure.cells:
            cube, key = _cube_of(source, cubes, people)
            if figure.key is not None:  # a count: the cube's own cell
                assert figure.hidden == cube.hidden.get(key, "")
                assert figure.shown == (None if figure.hidden else cube.values[key])
            elif not figure.hidden:  # computed: only from shown cells
                assert key not in cube.hidden
    small = 0
    for cube in [*cubes.values(), *people.values()]:
        ranges = exposure(cube.values, cube.groups, cube.hidden)
        for key, value in cube.values.items():
            if 0 < value < SMALLEST_SHOWN:
                small += 1
                low, high = ranges[key]
                assert high - low >= 1, f"{key} can be narrowed down to {low}..{high}"
    assert small > 20  # the data did have small cells to protect


class _PeriodCube:
    def __init__(self, values, groups):
        self.values, self.groups = values, groups
        self.hidden = suppress(values, groups)


def _people_cubes(region, indicator) -> dict:
    places, _boundaries = geography(region=region)
    by_period: dict = {}
    for value in indicator.values.select_related("municipality"):
        key = places.place(f"m:{value.municipality.cbs_code}").key
        by_period.setdefault(value.period, {})[key] = int(value.value)
    return {
        period: _PeriodCube(*people_cells(counts, places)) for period, counts in by_period.items()
    }


def _cube_of(source, cubes, people):
    if source[0] == "indicator":
        _kind, _code, period, key = source
        return people[period], key
    version, key = source
    return cubes[version], key


def test_the_page_never_prints_a_hidden_count_in_a_chart(region, data, officer):
    client, _api = officer
    html = client.get(reverse("monitor:dashboard")).content.decode()
    bar_titles = re.findall(r"<rect [^>]*><title>([^<]*)</title>", html)
    assert bar_titles
    assert not any(title.endswith(("&lt;5", "x")) for title in bar_titles)
