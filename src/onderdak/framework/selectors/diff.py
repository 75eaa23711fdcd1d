"""The differences between two contents of a framework (two versions, or a version and the
working copy; the shape is ``selectors.content``'s).

A pure function on two dicts: items are matched by their ``key``, so a renamed or moved item is
"changed", not removed and added. Changes are listed field by field; texts are compared as plain
text, with a word-level diff to show what was struck and what was added.
"""

import difflib
from dataclasses import dataclass, field

from onderdak.framework.services.text import plain_text

FRAMEWORK_FIELDS = ("title", "first_year", "last_year", "vision")
THEME_FIELDS = ("title", "description")
AMBITION_FIELDS = ("title", "description", "parent")
ACTION_FIELDS = (
    "title",
    "description",
    "parent",
    "level",
    "owner",
    "starts_on",
    "ends_on",
    "status",
    "partners",
    "policy_domains",
    "indicators",
)
PARENT_KEY = "parent_key"
TEXT_FIELDS = frozenset({"description", "vision"})
FIELDS = {
    "framework": FRAMEWORK_FIELDS,
    "theme": THEME_FIELDS,
    "ambition": AMBITION_FIELDS,
    "action": ACTION_FIELDS,
}


@dataclass(frozen=True)
class Words:
    """A run of words: "same", "removed" or "added"."""

    kind: str
    text: str


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: str
    new: str
    words: tuple[Words, ...] = ()


@dataclass(frozen=True)
class ItemChange:
    key: str
    kind: str  # framework, theme, ambition, action
    title: str
    change: str  # added, removed, changed
    fields: tuple[FieldChange, ...] = ()


@dataclass
class Diff:
    added: list[ItemChange] = field(default_factory=list)
    removed: list[ItemChange] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _indicators(indicators: list[dict]) -> str:
    return "; ".join(
        f"{i['code']}: " + ", ".join(f"{y} = {v}" for y, v in sorted(i.get("targets", {}).items()))
        for i in indicators
    )


def _value(name: str, value) -> str:
    """A field's value as the text a diff compares."""
    if name in TEXT_FIELDS:
        return plain_text(value or "")
    if name == "indicators":
        return _indicators(value or [])
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def flatten(content: dict) -> dict[str, tuple[str, dict]]:
    """Every item of the content by key: (its kind, its fields as texts)."""
    items = {"framework": ("framework", _fields("framework", content, None))}
    for theme in content.get("themes", []):
        items[theme["key"]] = ("theme", _fields("theme", theme, None))
        for ambition in theme.get("ambitions", []):
            items[ambition["key"]] = ("ambition", _fields("ambition", ambition, theme))
            for action in ambition.get("actions", []):
                items[action["key"]] = ("action", _fields("action", action, ambition))
    return items


def _fields(kind: str, item: dict, parent: dict | None) -> dict[str, str]:
    """The item's fields as texts; ``parent`` shows as its title but counts as changed only when
    the item moved to another parent (a renamed parent is a change of the parent alone)."""
    values = {**item, "parent": parent["title"] if parent else ""}
    fields = {name: _value(name, values.get(name)) for name in FIELDS[kind]}
    return {**fields, PARENT_KEY: parent["key"] if parent else ""}


def word_diff(old: str, new: str) -> tuple[Words, ...]:
    """The words of ``old`` and ``new`` as runs of same, removed and added words."""
    before, after = old.split(), new.split()
    runs = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(Words("same", " ".join(before[a1:a2])))
            continue
        if a2 > a1:
            runs.append(Words("removed", " ".join(before[a1:a2])))
        if b2 > b1:
            runs.append(Words("added", " ".join(after[b1:b2])))
    return tuple(runs)


def _field_changes(kind: str, old: dict, new: dict) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(
            name,
            old[name],
            new[name],
            word_diff(old[name], new[name]) if name in TEXT_FIELDS else (),
        )
        for name in FIELDS[kind]
        if _differs(name, old, new)
    )


def _differs(name: str, old: dict, new: dict) -> bool:
    if name == "parent":
        return old[PARENT_KEY] != new[PARENT_KEY]
    return old[name] != new[name]


def content_diff(old: dict, new: dict) -> Diff:
    """What changed from ``old`` to ``new``, in the order of the tree."""
    before, after = flatten(old), flatten(new)
    diff = Diff()
    for key, (kind, fields) in after.items():
        if key not in before:
            diff.added.append(ItemChange(key, kind, fields["title"], "added"))
            continue
        changes = _field_changes(kind, before[key][1], fields)
        if changes:
            diff.changed.append(ItemChange(key, kind, fields["title"], "changed", changes))
    for key, (kind, fields) in before.items():
        if key not in after:
            diff.removed.append(ItemChange(key, kind, fields["title"], "removed"))
    return diff
