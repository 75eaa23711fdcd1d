"""What the count and indicator checks share: finding the columns, walking the rows with
progress, and collecting every error."""

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Generic

from onderdak.imports.files.columns import Column, Header, read_header
from onderdak.imports.files.problems import (
    Cell,
    CheckResult,
    Progress,
    Row,
    RowError,
    Table,
    shown,
)

PROGRESS_STEPS = 20


class RowChecker(ABC, Generic[Row]):
    """Checks one row at a time (``check``); the rows, or all errors, at the end."""

    def __init__(self, header: Header) -> None:
        self.index, self.labels = header.index, header.labels
        self.rows: list[Row] = []
        self.errors: list[RowError] = []

    @abstractmethod
    def check(self, number: int, row: list[Cell]) -> None:
        """Check row ``number``: add it to ``rows`` or its errors to ``errors``."""

    def cell(self, row: list[Cell], key: str) -> Cell:
        position = self.index[key]
        return row[position] if position < len(row) else None

    def error(self, number: int, key: str, cell: Cell, message: str) -> bool:
        self.errors.append(RowError(number, self.labels.get(key, ""), shown(cell), message))
        return False

    def result(self) -> CheckResult[Row]:
        if self.errors:
            return CheckResult(errors=self.errors)
        return CheckResult(rows=self.rows)


def check_table(
    table: Table,
    columns: tuple[Column, ...],
    checker: Callable[[Header], RowChecker[Row]],
    progress: Progress | None = None,
) -> CheckResult[Row]:
    """Every row of ``table`` through a new ``checker``; ``progress`` gets the percentage done
    now and then. A header with missing or doubled columns is reported without the rows."""
    header = read_header(table.header, table.header_row, columns)
    if header.errors:
        return CheckResult(errors=header.errors)
    rows = checker(header)
    step = max(len(table.rows) // PROGRESS_STEPS, 1)
    for position, (number, row) in enumerate(table.rows, start=1):
        rows.check(number, row)
        if progress is not None and position % step == 0:
            progress(round(100 * position / len(table.rows)))
    return rows.result()
