"""The dashboard's benchmark figures, on tiny sizes on the test database (rolled back)."""

import pytest

from onderdak.core.bench.monitor_dashboard import COLUMNS, count_rows, dashboard_figures
from onderdak.core.bench.report import Report, format_table
from onderdak.monitor.models import Count, Dimension, ReferenceValue


def test_rows_are_distinct_and_spread_over_every_municipality(region, reference_values):
    rows = count_rows(region, 10_000, seed=1)
    assert len(rows) == 10_000
    assert len({row[:5] for row in rows}) == 10_000
    assert {row.municipality for row in rows} == set(
        region.municipalities.values_list("pk", flat=True)
    )
    assert ReferenceValue.objects.filter(
        dimension=Dimension.FINDER, code__startswith="bench-"
    ).exists()


@pytest.mark.django_db(transaction=False)
def test_the_figures_of_each_size_with_the_same_query_count(region, reference_values):
    logged = []
    results = dashboard_figures(
        repeat=2, log=logged.append, sizes=((1, 60), (2, 300)), use_current_db=True
    )
    assert len(results) == 2 * 2 * 2  # sizes x roles x (page, API)
    assert {row["status"] for row in results} == {200}
    by_size = {}
    for row in results:
        by_size.setdefault((row["page"], row["role"]), set()).add(row["queries"])
        assert row["first_ms"] > 0
        assert row["median_ms"] <= row["p95_ms"]
    assert all(len(queries) == 1 for queries in by_size.values())
    assert "Storing 2 count(s) of 300 rows…" in logged
    assert not Count.objects.filter(title__startswith="Benchmarktelling").exists()  # rolled back
    assert "rows per count" in format_table(Report(COLUMNS, results))
