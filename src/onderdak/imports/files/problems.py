"""What reading and checking a file gives back: a table, checked rows, or the errors found."""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

#: A cell as read: text from a CSV file; text, number, truth value or date from an XLSX file.
Cell = str | int | float | bool | date | datetime | None
#: How long a cell's value may be in an error (the report shows what was found, not a whole essay).
VALUE_LENGTH = 100

Row = TypeVar("Row")
Progress = Callable[[int], None]


class ReadError(Exception):
    """The file as a whole cannot be read (type, size, encoding, separator, layout)."""

    def __init__(self, message: str) -> None:
        self.message = str(message)
        super().__init__(self.message)


@dataclass(frozen=True)
class RowError:
    """One error: the row as numbered in the spreadsheet (``None`` for the file as a whole), the
    column as named in the file's header, the value found and what is wrong with it."""

    row: int | None
    column: str
    value: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


def shown(value: Cell) -> str:
    """A cell's value as an error report shows it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)[:VALUE_LENGTH]


def file_error(message: str) -> RowError:
    return RowError(None, "", "", str(message))


@dataclass(frozen=True)
class Table:
    """A sheet's header and data rows, each with its row number as the spreadsheet shows it.

    Blank rows are left out; cells are as read (see :data:`Cell`).
    """

    header: list[Cell]
    header_row: int
    rows: list[tuple[int, list[Cell]]]


@dataclass
class CheckResult(Generic[Row]):
    """The checked rows, or, when ``errors`` is not empty, the complete list of errors."""

    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors
