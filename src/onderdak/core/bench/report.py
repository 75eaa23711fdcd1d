"""What a benchmark hands back, and how it is printed: an aligned table or JSON lines."""

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    format_spec: str = ""
    numeric: bool = False

    def cell(self, row: dict[str, Any]) -> str:
        value = row.get(self.key)
        return "—" if value is None else format(value, self.format_spec)


@dataclass
class Report:
    """Rows of results (one dict each) and the problems that make the command fail."""

    columns: Sequence[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def format_table(report: Report) -> str:
    """The rows as a plain-text table; numbers right-aligned so they can be compared by eye."""
    lines = [[c.heading for c in report.columns]]
    lines += [[c.cell(row) for c in report.columns] for row in report.rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(report.columns))]
    return "\n".join(_join(line, widths, report.columns) for line in lines)


def _join(cells: list[str], widths: list[int], columns: Sequence[Column]) -> str:
    padded = (
        cell.rjust(width) if column.numeric else cell.ljust(width)
        for cell, width, column in zip(cells, widths, columns, strict=True)
    )
    return "  ".join(padded).rstrip()


def format_json_lines(report: Report) -> str:
    """One JSON object per row, for scripts and for comparing runs over time."""
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in report.rows)
