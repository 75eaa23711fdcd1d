"""The columns of an import file: each known by its Dutch and English names, in any case and
spacing (``Gemeente``, ``municipality``, ``Age band``, ``age_band``)."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from onderdak.imports.files.problems import Cell, RowError, shown

SPACING = re.compile(r"[\s_]+")


@dataclass(frozen=True)
class Column:
    """A column: its key in the code, its name in the template, and every name it is known by."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> set[str]:
        return {normal(name) for name in (self.name, *self.aliases)}


def normal(text: Cell) -> str:
    """Case, accents kept; spaces, underscores and surrounding blanks reduced to one space."""
    return SPACING.sub(" ", shown(text)).strip().casefold()


@dataclass(frozen=True)
class Header:
    """Where each column is (its index), what the file calls it, or the errors in the header."""

    index: dict[str, int]
    labels: dict[str, str]
    errors: list[RowError]


def read_header(cells: list[Cell], row: int, columns: tuple[Column, ...]) -> Header:
    """Finds every column in the header row; each missing or doubled column is one error.
    Columns the file has besides them are ignored."""
    found: dict[str, list[int]] = {}
    for position, cell in enumerate(cells):
        column = next((c for c in columns if normal(cell) in c.names), None)
        if column is not None:
            found.setdefault(column.key, []).append(position)
    errors = []
    for column in columns:
        positions = found.get(column.key, [])
        if not positions:
            message = _("The column “%(name)s” is missing.") % {"name": column.name}
            errors.append(RowError(row, column.name, "", message))
        elif len(positions) > 1:
            letters = ", ".join(letter(p) for p in positions)
            message = _("The column “%(name)s” appears more than once (columns %(letters)s).") % {
                "name": column.name,
                "letters": letters,
            }
            errors.append(RowError(row, shown(cells[positions[1]]), "", message))
    index = {key: positions[0] for key, positions in found.items()}
    labels = {key: shown(cells[position]) for key, position in index.items()}
    return Header(index=index, labels=labels, errors=errors)


def letter(position: int) -> str:
    """The spreadsheet letter of a column counted from 0: 0 → A, 27 → AB."""
    letters, number = "", position + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
