"""Property tests with broken files (hypothesis): random bytes, truncated and garbled files,
mutated cells and headers, wrong encodings. Whatever the file, reading raises nothing but a
``ReadError``, an import never raises anything but a ``DomainError`` and never stores part of a
file: a job that is not done leaves the counts and indicators as they were."""

import pytest
from django.core.files.base import ContentFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from onderdak.accounts.models import Role
from onderdak.core.errors import DomainError
from onderdak.imports import services as jobs
from onderdak.imports.files.problems import ReadError
from onderdak.imports.files.reading import read_table
from onderdak.imports.models import ImportStatus
from onderdak.monitor.models import CountRow, CountVersion, ImportKind, Indicator, IndicatorValue
from onderdak.monitor.services.imports import job_version
from tests.imports.files import csv_bytes, xlsx_bytes
from tests.monitor.factories import CountFactory
from tests.monitor.importing.files import COUNT_HEADER, GOOD_ROWS, INDICATOR_HEADER, count_file

DB_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
GOOD_FILES = [count_file(GOOD_ROWS, "csv"), count_file(GOOD_ROWS, "xlsx")]

#: Cells that are right, wrong, or odd, for every column of a count file.
CELLS = st.one_of(
    st.sampled_from(
        ["GM0546", "Leiden", "546", "1", "7", "18-26", "65+", "man", "vrouw", "zorg", "0", "3"]
    ),
    st.sampled_from(["", " ", "-1", "2,5", "1.5", "abc", "=1+1", "GM9999", "\u00a0", '"', ";"]),
    st.text(max_size=12),
    st.integers(min_value=-5, max_value=200_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
HEADERS = st.lists(
    st.one_of(st.sampled_from((*COUNT_HEADER, "Aantal", "people", "x", "")), st.text(max_size=8)),
    min_size=0,
    max_size=8,
)


def truncated(content: bytes, at: int) -> bytes:
    return content[: at % max(len(content), 1)]


def garbled(content: bytes, positions: list[int], value: int) -> bytes:
    data = bytearray(content)
    for position in positions:
        data[position % len(data)] = value
    return bytes(data)


BROKEN = st.one_of(
    st.binary(max_size=2000),
    st.builds(truncated, st.sampled_from(GOOD_FILES), st.integers(min_value=0)),
    st.builds(
        garbled,
        st.sampled_from(GOOD_FILES),
        st.lists(st.integers(min_value=0), min_size=1, max_size=5),
        st.integers(min_value=0, max_value=255),
    ),
    st.builds(
        lambda encoding: "\r\n".join(";".join(COUNT_HEADER) for _ in range(2)).encode(encoding),
        st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]),
    ),
)


def storable(cell):
    """A cell openpyxl can write: no control characters, no NaN."""
    if isinstance(cell, str):
        return ILLEGAL_CHARACTERS_RE.sub("", cell)
    return None if isinstance(cell, float) and cell != cell else cell


def mutated_file(header, rows, kind, separator):
    data = [header, *rows]
    if kind == "xlsx":
        return xlsx_bytes([[storable(cell) for cell in row] for row in data])
    return csv_bytes(data, separator=separator)


MUTATED = st.builds(
    mutated_file,
    st.one_of(st.just(list(COUNT_HEADER)), HEADERS),
    st.lists(st.lists(CELLS, min_size=0, max_size=7), max_size=6),
    st.sampled_from(["csv", "xlsx"]),
    st.sampled_from([";", ",", "\t", "|"]),
)


@settings(max_examples=300, deadline=None)
@given(content=st.one_of(BROKEN, MUTATED))
def test_reading_raises_nothing_but_a_read_error(content):
    try:
        table = read_table(content, max_bytes=10**6)
    except ReadError:
        return
    assert all(number > table.header_row for number, _row in table.rows)


@pytest.fixture
def officer(make_member, reference_values):
    return make_member(Role.POLICY_OFFICER)


def snapshot() -> tuple:
    return (
        CountVersion.objects.count(),
        CountRow.objects.count(),
        Indicator.objects.count(),
        sorted(IndicatorValue.objects.values_list("pk", "value", "import_job")),
    )


def run_import(region, officer, kind, content, count=None):
    try:
        return jobs.import_job_start(
            region=region,
            kind=kind,
            options={"count": count.pk} if count else {},
            uploaded=ContentFile(content, name="bestand"),
            by=officer,
        )
    except DomainError:
        return None


@DB_SETTINGS
@given(content=st.one_of(BROKEN, MUTATED))
def test_a_count_import_is_all_or_nothing(region, officer, content):
    count = CountFactory(region=region)
    before = snapshot()
    job = run_import(region, officer, ImportKind.COUNT, content, count)
    if job is None or job.status != ImportStatus.DONE:
        assert snapshot() == before
        assert job is None or (job.is_finished and job.error_count >= 1)
    else:
        assert CountVersion.objects.count() == before[0] + 1
        assert CountRow.objects.count() == before[1] + job_version(job).row_count


INDICATOR_CELLS = st.one_of(
    st.sampled_from(
        ["ontruimingen", "Ontruimingen", "Leiden", "2024", "2024-Q2", "12,5", "aantal", "bron"]
    ),
    st.sampled_from(["", "2024-13", "1.234,5", "procent", "x y", "-0", "1e5"]),
    st.text(max_size=10),
    st.decimals(allow_nan=False, allow_infinity=False, places=5).map(str),
)


def indicator_file(rows, kind):
    return mutated_file(INDICATOR_HEADER, rows, kind, ";")


@DB_SETTINGS
@given(
    content=st.one_of(
        BROKEN,
        st.builds(
            indicator_file,
            st.lists(st.lists(INDICATOR_CELLS, min_size=7, max_size=7), max_size=5),
            st.sampled_from(["csv", "xlsx"]),
        ),
    )
)
def test_an_indicator_import_is_all_or_nothing(region, officer, content):
    before = snapshot()
    job = run_import(region, officer, ImportKind.INDICATORS, content)
    if job is None or job.status != ImportStatus.DONE:
        assert snapshot() == before
    else:
        assert IndicatorValue.objects.filter(import_job=job).count() == job.rows_total
