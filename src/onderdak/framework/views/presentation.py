"""How a version's frozen content and a diff are shown: labels for the stored codes (levels,
statuses, the kinds of item and the names of fields), in the reader's language; and the addresses
of the many items a long page links to."""

from dataclasses import dataclass

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from onderdak.framework.models import ActionStatus, PolicyDomain
from onderdak.framework.selectors.diff import Diff, FieldChange, ItemChange, Words
from onderdak.region.models import Level

KIND_LABELS = {
    "framework": _("framework"),
    "theme": _("theme"),
    "ambition": _("ambition"),
    "action": _("action"),
}
FIELD_LABELS = {
    "title": _("Title"),
    "first_year": _("First year"),
    "last_year": _("Last year"),
    "vision": _("Vision"),
    "description": _("Description"),
    "parent": _("Placed under"),
    "level": _("Level"),
    "owner": _("Owner"),
    "starts_on": _("Starts on"),
    "ends_on": _("Ends on"),
    "status": _("Status"),
    "partners": _("Partners"),
    "policy_domains": _("Adjacent policy domains"),
    "indicators": _("Indicators and targets"),
}
CODED = {"level": dict(Level.choices), "status": dict(ActionStatus.choices)}
_PK = 2_147_483_647  # a number no path holds otherwise


class PkUrl:
    """The path of the URL ``name`` for any item's primary key, reversed once: a page of 500
    items spends milliseconds on ``{% url %}`` per item (docs/decisions/0009-rendering-speed.md).
    """

    def __init__(self, name: str):
        self.before, found, self.after = reverse(name, args=[_PK]).partition(str(_PK))
        assert found, name

    def __call__(self, pk: int) -> str:
        return f"{self.before}{pk}{self.after}"


@dataclass(frozen=True)
class ItemLinks:
    """A tree item's forms: changed, moved, deleted, and a child added to it ("" for actions)."""

    update: str
    move: str
    delete: str
    add_child: str = ""


class ItemUrls:
    """The :class:`ItemLinks` of any theme, ambition or action (``kind``), each URL reversed
    once."""

    def __init__(self, kind: str, child: str = ""):
        self.update, self.move, self.delete = (
            PkUrl(f"framework:{kind}_{view}") for view in ("update", "move", "delete")
        )
        self.add_child = PkUrl(f"framework:{child}_create") if child else None

    def __call__(self, pk: int) -> ItemLinks:
        add_child = self.add_child(pk) if self.add_child else ""
        return ItemLinks(self.update(pk), self.move(pk), self.delete(pk), add_child)


ACTION_ROW = (
    '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{} \u2013 {}</td><td>{}</td><td>{}</td>'
    "<td>{}</td></tr>"
)


def shown_content(content: dict) -> dict:
    """The content as a version's page shows it: each ambition with ``action_rows``, its
    actions as table rows with labels for the stored codes (levels, statuses, policy domains by
    their names), written in Python: 500 rows through the template took most of the page's time.
    The stored dict is left as it is."""
    labels = {
        name: {code: str(label) for code, label in coded.items()} for name, coded in CODED.items()
    }
    domains = {d.code: str(d) for d in PolicyDomain.objects.all()}

    def row(action: dict) -> tuple:
        return (
            action.get("title", ""),
            labels["level"].get(action.get("level"), ""),
            action.get("owner", ""),
            action.get("starts_on", ""),
            action.get("ends_on", ""),
            labels["status"].get(action.get("status"), ""),
            ", ".join(action.get("partners", [])),
            ", ".join(domains.get(code, code) for code in action.get("policy_domains", [])),
        )

    def ambition(item: dict) -> dict:
        actions = item.get("actions", [])
        return {**item, "action_rows": format_html_join("\n", ACTION_ROW, map(row, actions))}

    themes = [
        {**theme, "ambitions": [ambition(a) for a in theme.get("ambitions", [])]}
        for theme in content.get("themes", [])
    ]
    return {**content, "themes": themes}


@dataclass(frozen=True)
class ShownField:
    label: str
    old: str
    new: str
    words: tuple
    after: str  # the "after" cell: the new value, or the text's runs with struck and added words


@dataclass(frozen=True)
class ShownItem:
    title: str
    kind_label: str
    fields: tuple[ShownField, ...]


#: A struck or added run of words, named for screen readers ("removed:", "added:").
RUN_HTML = {
    "removed": '<del><span class="visually-hidden">{} </span>{}</del> ',
    "added": '<ins><span class="visually-hidden">{} </span>{}</ins> ',
}


def _runs_html(words: tuple[Words, ...], labels: dict[str, str]) -> str:
    """A changed text's runs as HTML, written in Python: a template loop per run of every changed
    text took a third of a large comparison's time."""
    parts = [
        format_html("{} ", run.text)
        if run.kind == "same"
        else format_html(RUN_HTML[run.kind], labels[run.kind], run.text)
        for run in words
    ]
    return mark_safe("".join(parts))  # noqa: S308 -- every part is escaped by format_html


def _field(change: FieldChange, labels: dict[str, str]) -> ShownField:
    coded = CODED.get(change.name, {})
    old, new = str(coded.get(change.old, change.old)), str(coded.get(change.new, change.new))
    after = _runs_html(change.words, labels) if change.words else linebreaksbr(new or "—", True)
    return ShownField(FIELD_LABELS[change.name], old, new, change.words, after)


def _item(item: ItemChange, labels: dict[str, str]) -> ShownItem:
    fields = tuple(_field(f, labels) for f in item.fields)
    return ShownItem(item.title, KIND_LABELS[item.kind], fields)


@dataclass(frozen=True)
class ShownDiff:
    added: list[ShownItem]
    removed: list[ShownItem]
    changed: list[ShownItem]
    is_empty: bool


def shown_diff(diff: Diff) -> ShownDiff:
    labels = {"removed": gettext("removed:"), "added": gettext("added:")}
    return ShownDiff(
        [_item(i, labels) for i in diff.added],
        [_item(i, labels) for i in diff.removed],
        [_item(i, labels) for i in diff.changed],
        diff.is_empty,
    )
