"""``onderdak bench``: its statistics, its output, and a fast run on the test database."""

import argparse
import json
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError

from onderdak.accounts.models import Role, User
from onderdak.core.bench import data, pages
from onderdak.core.bench.options import whole_number
from onderdak.core.bench.report import Column, Report, format_json_lines, format_table
from onderdak.core.bench.stats import median, p95, percentile
from onderdak.funding.models import FundingScenario
from onderdak.region.models import Organisation, PopulationFigure


@pytest.mark.parametrize(
    ("values", "expected"),
    [([7.0], 7.0), ([3, 1, 2], 2), ([4, 1, 3, 2], 2.5), ([1.5, 1.5, 9.0], 1.5)],
)
def test_median(values, expected):
    assert median(values) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([7.0], 7.0),
        ([5, 1], 5),
        (list(range(10, 0, -1)), 10),  # ceil(9.5) = 10th of 10
        (list(range(1, 21)), 19),  # exactly 19 of 20, not 20 by a rounding error
        (list(range(1, 31)), 29),  # 30 repeats: the second-slowest
        (list(range(1, 101)), 95),
    ],
)
def test_p95_is_the_nearest_rank(values, expected):
    assert p95(values) == expected


@pytest.mark.parametrize("statistic", [median, p95])
def test_statistics_of_nothing_are_refused(statistic):
    with pytest.raises(ValueError, match="no values"):
        statistic([])


@pytest.mark.parametrize("percent", [0, 101])
def test_percent_outside_its_range_is_refused(percent):
    with pytest.raises(ValueError, match="percent"):
        percentile([1.0], percent)


def test_whole_number_option_checks_its_minimum():
    parse = whole_number(1)
    assert parse("3") == 3
    for bad in ("0", "x"):
        with pytest.raises(argparse.ArgumentTypeError):
            parse(bad)


def test_table_aligns_text_left_and_numbers_right():
    report = Report(
        [Column("page", "page"), Column("ms", "ms", ".1f", numeric=True)],
        rows=[{"page": "home", "ms": 3.14159}, {"page": "audit search", "ms": 12.0}],
    )
    assert format_table(report).splitlines() == [
        "page            ms",
        "home           3.1",
        "audit search  12.0",
    ]
    assert [json.loads(line) for line in format_json_lines(report).splitlines()] == report.rows


@pytest.mark.django_db
def test_one_unit_of_scale_adds_what_the_help_promises(region):
    counts = _volume()
    data.populate(region_dir="holland-rijnland", scale=1)
    added = {name: n - counts[name] for name, n in _volume().items()}
    assert added["users"] == len(Role.values) + data.USERS_PER_SCALE
    assert added["organisations"] == data.ORGANISATIONS_PER_SCALE
    assert added["figures"] == data.FIGURES_PER_SCALE * region.municipalities.count()
    assert added["audit entries"] > data.HISTORY_PER_SCALE + data.USERS_PER_SCALE
    assert added["funding scenarios"] == 2 + data.SCENARIOS_PER_SCALE  # the demo and the volume


def _volume() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "organisations": Organisation.objects.count(),
        "figures": PopulationFigure.objects.count(),
        "audit entries": LogEntry.objects.count(),
        "funding scenarios": FundingScenario.objects.count(),
    }


def _bench(*options: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("bench", "pages", "--use-current-db", *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_bench_pages_measures_every_page_and_leaves_nothing_behind():
    out, _ = _bench("--repeat", "2", "--scale", "0", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(row["page"], row["role"]) for row in rows] == [
        (page.name, page.role or "anonymous") for page in pages.PAGES
    ]
    assert {row["status"] for row in rows} == {200}
    assert all(row["queries"] >= 1 and 0 < row["median_ms"] <= row["p95_ms"] for row in rows)
    assert not User.objects.filter(username__startswith="bench-").exists()


@pytest.mark.django_db
def test_bench_fails_when_a_page_does_not_answer_200(monkeypatch):
    missing = pages.Page(
        "unknown municipality",
        "region:municipality_detail",
        Role.ADMINISTRATOR,
        lambda targets: ("GM9999",),
    )
    monkeypatch.setattr(pages, "PAGES", (missing,))
    with pytest.raises(CommandError, match="GM9999/ answered 404"):
        _bench("--repeat", "1", "--scale", "0")
