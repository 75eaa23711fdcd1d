"""How a version's frozen content and a diff are shown: labels for the stored codes (levels,
statuses, the kinds of item and the names of fields), in the reader's language; and the addresses
of the many items a long page links to."""

import copy
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from onderdak.framework.models import ActionStatus, PolicyDomain
from onderdak.framework.selectors.diff import Diff, FieldChange, ItemChange
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


def labelled_content(content: dict) -> dict:
    """The content with labels on every action: ``level_label``, ``status_label`` and
    ``domain_labels`` (the policy domains' names, by their codes); the stored dict is left as it
    is."""
    content = copy.deepcopy(content)
    domains = {d.code: str(d) for d in PolicyDomain.objects.all()}
    for theme in content.get("themes", []):
        for ambition in theme.get("ambitions", []):
            for action in ambition.get("actions", []):
                action["level_label"] = CODED["level"].get(action.get("level"), "")
                action["status_label"] = CODED["status"].get(action.get("status"), "")
                action["domain_labels"] = [
                    domains.get(code, code) for code in action.get("policy_domains", [])
                ]
    return content


@dataclass(frozen=True)
class ShownField:
    label: str
    old: str
    new: str
    words: tuple


@dataclass(frozen=True)
class ShownItem:
    title: str
    kind_label: str
    fields: tuple[ShownField, ...]


def _field(change: FieldChange) -> ShownField:
    coded = CODED.get(change.name, {})
    return ShownField(
        FIELD_LABELS[change.name],
        str(coded.get(change.old, change.old)),
        str(coded.get(change.new, change.new)),
        change.words,
    )


def _item(item: ItemChange) -> ShownItem:
    return ShownItem(item.title, KIND_LABELS[item.kind], tuple(_field(f) for f in item.fields))


@dataclass(frozen=True)
class ShownDiff:
    added: list[ShownItem]
    removed: list[ShownItem]
    changed: list[ShownItem]
    is_empty: bool


def shown_diff(diff: Diff) -> ShownDiff:
    return ShownDiff(
        [_item(i) for i in diff.added],
        [_item(i) for i in diff.removed],
        [_item(i) for i in diff.changed],
        diff.is_empty,
    )
