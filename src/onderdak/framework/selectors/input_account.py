"""The participation account ("verantwoording van de inbreng"): every contribution to the
framework and what was done with it, grouped by the theme it was about, so that the document can
account for all input.

Shape: a list of :class:`ThemeAccount` in the tree's order of themes, then one group without a
theme (``theme_key`` ""), for input about the framework as a whole; groups without input are
left out. Each :class:`AccountEntry` carries plain text (no markup), ready for the page, the print
view and Word. Two queries, whatever the number of contributions.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from onderdak.framework.models import Framework, InputItem, ResponseKind
from onderdak.framework.services.text import plain_text


@dataclass(frozen=True)
class AccountEntry:
    source: str  # the stakeholder's name
    session: str  # the session's title, "" for input outside a session
    received_on: datetime.date
    about: str  # the action it was about, "" for the theme as a whole
    text: str
    response: str  # what kind of response, as shown ("no response yet" while open)
    is_open: bool
    response_text: str
    taken_up_in: str  # the theme or action where it was taken up, "" when none


@dataclass
class ThemeAccount:
    theme_key: str  # "theme-<pk>", "" for the framework as a whole
    title: str
    entries: list[AccountEntry] = field(default_factory=list)

    @property
    def open_count(self) -> int:
        return sum(entry.is_open for entry in self.entries)


def _entry(item: InputItem, responses: dict[str, str]) -> AccountEntry:
    taken_up = item.response_action or item.response_theme
    return AccountEntry(
        source=str(item.stakeholder),
        session=item.session.title if item.session_id else "",
        received_on=item.received_on,
        about=item.action.title if item.action_id else "",
        text=plain_text(item.text),
        response=responses.get(item.response, item.response),
        is_open=item.response == ResponseKind.OPEN,
        response_text=plain_text(item.response_text),
        taken_up_in=taken_up.title if taken_up else "",
    )


def _items(framework: Framework):
    return (
        InputItem.objects.filter(framework=framework)
        .select_related(
            "stakeholder__organisation",
            "session",
            "theme",
            "action__ambition",
            "response_theme",
            "response_action",
        )
        .order_by("received_on", "pk")
    )


def input_account(*, framework: Framework) -> list[ThemeAccount]:
    """The account of ``framework``'s input, per theme (see the module's docstring)."""
    groups = {
        theme.pk: ThemeAccount(f"theme-{theme.pk}", theme.title) for theme in framework.themes.all()
    }
    general = ThemeAccount("", _("The framework as a whole"))
    responses = {value: str(label) for value, label in ResponseKind.choices}
    for item in _items(framework):
        theme_id = item.theme_id or (item.action.ambition.theme_id if item.action_id else None)
        groups.get(theme_id, general).entries.append(_entry(item, responses))
    return [group for group in [*groups.values(), general] if group.entries]


def open_input_count(*, framework: Framework) -> int:
    """How many contributions have no response yet (one query)."""
    return framework.input_items.aggregate(n=Count("pk", filter=Q(response=ResponseKind.OPEN)))["n"]
