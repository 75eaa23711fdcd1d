"""The matrix of themes by level: where each task of the framework sits, and the checks the seed
asks for — a *sharp* split of local, subregional and regional tasks.

The checks are plain functions on :class:`MatrixAction` rows (no database), so that they can be
tested with any data: actions without a level, without an owner, with an owner that does not fit
the level, and the same task claimed at two levels (titles equal once case, spaces and
punctuation are ignored).
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace

from onderdak.framework.models import Action, Framework
from onderdak.framework.services.tree import LEVEL_OF_OWNER, owner_kind
from onderdak.region.models import Level

#: The matrix's columns: the three levels, then the actions that have none.
COLUMNS = (Level.LOCAL, Level.SUBREGIONAL, Level.REGIONAL, "")
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class MatrixAction:
    pk: int
    title: str
    level: str
    owner_kind: str  # "municipality", "subregion", "region", "" (see services.tree.owner_kind)
    owner: str
    theme_pk: int

    @property
    def level_label(self) -> str:
        return str(Level(self.level).label) if self.level else ""


@dataclass
class MatrixRow:
    theme: object
    cells: list[list[MatrixAction]] = field(default_factory=list)


@dataclass
class Matrix:
    rows: list[MatrixRow]
    without_level: list[MatrixAction]
    without_owner: list[MatrixAction]
    owner_mismatch: list[MatrixAction]
    claimed_twice: list[list[MatrixAction]]

    @property
    def flag_count(self) -> int:
        return (
            len(self.without_level)
            + len(self.without_owner)
            + len(self.owner_mismatch)
            + len(self.claimed_twice)
        )


def normalised_title(title: str) -> str:
    """The title without case, accents, punctuation and extra spaces ("Eén loket!" → "een
    loket")."""
    decomposed = unicodedata.normalize("NFKD", title)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


def without_level(actions: Iterable[MatrixAction]) -> list[MatrixAction]:
    return [a for a in actions if not a.level]


def without_owner(actions: Iterable[MatrixAction]) -> list[MatrixAction]:
    return [a for a in actions if not a.owner_kind]


def owner_mismatch(actions: Iterable[MatrixAction]) -> list[MatrixAction]:
    """Actions with a level and an owner that does not go with it."""
    return [
        a
        for a in actions
        if a.level and a.owner_kind and LEVEL_OF_OWNER.get(a.owner_kind) != a.level
    ]


def claimed_twice(actions: Iterable[MatrixAction]) -> list[list[MatrixAction]]:
    """Groups of actions with the same normalised title at two or more different levels."""
    groups: dict[str, list[MatrixAction]] = defaultdict(list)
    for action in actions:
        if action.level and normalised_title(action.title):
            groups[normalised_title(action.title)].append(action)
    return [group for group in groups.values() if len({a.level for a in group}) > 1]


def matrix_rows(themes: Sequence, actions: Iterable[MatrixAction]) -> list[MatrixRow]:
    """One row per theme, one cell per column of :data:`COLUMNS`."""
    rows = {theme.pk: MatrixRow(theme, [[] for _column in COLUMNS]) for theme in themes}
    for action in actions:
        rows[action.theme_pk].cells[COLUMNS.index(action.level)].append(action)
    return list(rows.values())


def matrix_action(row: dict, region_name: str) -> MatrixAction:
    """An action's row of values (see :func:`framework_matrix`) as the checks see it."""
    owner = row["owner_municipality__name"] or row["owner_subregion__name"]
    return MatrixAction(
        pk=row["pk"],
        title=row["title"],
        level=row["level"],
        owner_kind=owner_kind(SimpleNamespace(**row)),
        owner=owner or (region_name if row["owned_by_region"] else ""),
        theme_pk=row["ambition__theme_id"],
    )


def framework_matrix(framework: Framework) -> Matrix:
    """The matrix of the working copy: two queries (the actions as plain values), whatever its
    size."""
    themes = list(framework.themes.all())
    rows = (
        Action.objects.filter(ambition__theme__framework=framework)
        .order_by("ambition__theme__position", "ambition__position", "position", "pk")
        .values(
            "pk",
            "title",
            "level",
            "owner_municipality_id",
            "owner_subregion_id",
            "owned_by_region",
            "owner_municipality__name",
            "owner_subregion__name",
            "ambition__theme_id",
        )
    )
    region_name = framework.region.name
    actions = [matrix_action(row, region_name) for row in rows]
    return Matrix(
        rows=matrix_rows(themes, actions),
        without_level=without_level(actions),
        without_owner=without_owner(actions),
        owner_mismatch=owner_mismatch(actions),
        claimed_twice=claimed_twice(actions),
    )
