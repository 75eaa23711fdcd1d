"""The participation account ("verantwoording van de inbreng"): every contribution to the
framework and what was done with it, grouped by the theme it was about, so that the document can
account for all input.

Shape: a list of :class:`ThemeAccount` in the tree's order of themes, then one group without a
theme (``theme_key`` ""), for input about the framework as a whole; groups without input are
left out. Each :class:`AccountEntry` carries plain text (no markup) and its date as shown,
ready for the page, the print view and Word. Two queries, whatever the number of contributions.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.db.models import Count, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from onderdak.framework.models import Framework, InputItem, ResponseKind
from onderdak.framework.services.text import plain_text


@dataclass(frozen=True)
class AccountEntry:
    source: str  # the stakeholder's name
    session: str  # the session's title, "" for input outside a session
    received_on: datetime.date
    received: str  # ``received_on`` in the active language's short date format
    about: str  # the action it was about, "" for the theme as a whole
    text: str
    response: str  # what kind of response, as shown ("no response yet" while open)
    is_open: bool
    response_text: str
    taken_up_in: str  # the theme or action where it was taken up, "" when none

    @property
    def contribution(self) -> str:
        """The text, after the action it was about."""
        return f"{self.about}: {self.text}" if self.about else self.text

    @property
    def answer(self) -> str:
        """The kind of response, with its text."""
        return f"{self.response}: {self.response_text}" if self.response_text else self.response


@dataclass
class ThemeAccount:
    theme_key: str  # "theme-<pk>", "" for the framework as a whole
    title: str
    entries: list[AccountEntry] = field(default_factory=list)

    @property
    def open_count(self) -> int:
        return sum(entry.is_open for entry in self.entries)


#: What an entry is made of, read as values (no model instances: 2,000 items in one query).
FIELDS = (
    "stakeholder__name",
    "stakeholder__organisation__name",
    "session__title",
    "received_on",
    "theme_id",
    "action__title",
    "action__ambition__theme_id",
    "text",
    "response",
    "response_text",
    "response_theme__title",
    "response_action__title",
)


@dataclass(frozen=True)
class _Shown:
    """How the values that repeat are shown, each worked out once per account: the response
    kinds' labels, the dates (a few session days) and the texts ("Taken up.")."""

    responses: dict[str, str]
    date: Callable[[datetime.date], str]
    text: Callable[[str], str]

    @classmethod
    def new(cls) -> "_Shown":
        return cls(
            responses={value: str(label) for value, label in ResponseKind.choices},
            date=cache(lambda day: date_format(day, "SHORT_DATE_FORMAT")),
            text=cache(plain_text),
        )


def _entry(row: dict, shown: _Shown) -> AccountEntry:
    return AccountEntry(
        source=row["stakeholder__name"] or row["stakeholder__organisation__name"] or "",
        session=row["session__title"] or "",
        received_on=row["received_on"],
        received=shown.date(row["received_on"]),
        about=row["action__title"] or "",
        text=shown.text(row["text"]),
        response=shown.responses.get(row["response"], row["response"]),
        is_open=row["response"] == ResponseKind.OPEN,
        response_text=shown.text(row["response_text"]),
        taken_up_in=row["response_action__title"] or row["response_theme__title"] or "",
    )


def _rows(framework: Framework):
    return (
        InputItem.objects.filter(framework=framework).order_by("received_on", "pk").values(*FIELDS)
    )


def input_account(*, framework: Framework) -> list[ThemeAccount]:
    """The account of ``framework``'s input, per theme (see the module's docstring)."""
    groups = {
        theme.pk: ThemeAccount(f"theme-{theme.pk}", theme.title) for theme in framework.themes.all()
    }
    general = ThemeAccount("", _("The framework as a whole"))
    shown = _Shown.new()
    for row in _rows(framework):
        theme_id = row["theme_id"] or row["action__ambition__theme_id"]
        groups.get(theme_id, general).entries.append(_entry(row, shown))
    return [group for group in [*groups.values(), general] if group.entries]


def open_input_count(*, framework: Framework) -> int:
    """How many contributions have no response yet (one query)."""
    return framework.input_items.aggregate(n=Count("pk", filter=Q(response=ResponseKind.OPEN)))["n"]
