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
TEXT_FIELDS = frozenset({"description", "vision"})
#: Aligning two texts' changed middles word by word takes time in proportion to the product of
#: their lengths: a rewritten text of 3,000 words took a quarter of a second.
WORD_PAIRS = 250_000
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


@dataclass(frozen=True)
class Item:
    """An item of a content dict where the diff finds it: its kind, its fields as stored, and the
    item it sits under (None for the framework and its themes)."""

    kind: str
    fields: dict
    parent: dict | None

    @property
    def title(self) -> str:
        return _value("title", self.fields.get("title"))

    def value(self, name: str):
        """A field as stored; ``parent`` is the parent's title."""
        if name == "parent":
            return self.parent["title"] if self.parent else ""
        return self.fields.get(name)

    @property
    def parent_key(self) -> str:
        return self.parent["key"] if self.parent else ""


def flatten(content: dict) -> dict[str, Item]:
    """Every item of the content by key."""
    items = {"framework": Item("framework", content, None)}
    for theme in content.get("themes", []):
        items[theme["key"]] = Item("theme", theme, None)
        for ambition in theme.get("ambitions", []):
            items[ambition["key"]] = Item("ambition", ambition, theme)
            for action in ambition.get("actions", []):
                items[action["key"]] = Item("action", action, ambition)
    return items


def word_diff(old: str, new: str) -> tuple[Words, ...]:
    """The words of ``old`` and ``new`` as runs of same, removed and added words.

    The words both texts begin and end with are set aside first, so that aligning word by word
    (quadratic) runs on the changed middle only; a middle of more than :data:`WORD_PAIRS` pairs
    of words (a rewritten long text) is shown as struck and added whole.
    """
    before, after = old.split(), new.split()
    start = _common_length(before, after)
    end = _common_length(before[start:][::-1], after[start:][::-1])
    middle_before, middle_after = before[start : len(before) - end], after[start : len(after) - end]
    runs = [Words("same", " ".join(before[:start]))] if start else []
    if len(middle_before) * len(middle_after) > WORD_PAIRS:
        opcodes = [("replace", 0, len(middle_before), 0, len(middle_after))]
    else:
        matcher = difflib.SequenceMatcher(a=middle_before, b=middle_after, autojunk=False)
        opcodes = matcher.get_opcodes()
    for op, a1, a2, b1, b2 in opcodes:
        if op == "equal":
            runs.append(Words("same", " ".join(middle_before[a1:a2])))
            continue
        if a2 > a1:
            runs.append(Words("removed", " ".join(middle_before[a1:a2])))
        if b2 > b1:
            runs.append(Words("added", " ".join(middle_after[b1:b2])))
    if end:
        runs.append(Words("same", " ".join(before[len(before) - end :])))
    return tuple(runs)


def _common_length(one: list[str], other: list[str]) -> int:
    """How many words the two lists begin with alike."""
    for index, (a, b) in enumerate(zip(one, other, strict=False)):
        if a != b:
            return index
    return min(len(one), len(other))


def _field_changes(old: Item, new: Item) -> tuple[FieldChange, ...]:
    """The fields that differ, as texts. Only fields stored differently are made texts: most
    items of two contents are equal, and plain text of every description took most of the time.
    ``parent`` counts as changed only when the item moved to another parent (a renamed parent is
    a change of the parent alone)."""
    changes = []
    for name in FIELDS[new.kind]:
        before, after = old.value(name), new.value(name)
        if name == "parent" and old.parent_key == new.parent_key:
            continue
        if name != "parent" and before == after:
            continue
        before, after = _value(name, before), _value(name, after)
        if name == "parent" or before != after:
            words = word_diff(before, after) if name in TEXT_FIELDS else ()
            changes.append(FieldChange(name, before, after, words))
    return tuple(changes)


def content_diff(old: dict, new: dict) -> Diff:
    """What changed from ``old`` to ``new``, in the order of the tree."""
    before, after = flatten(old), flatten(new)
    diff = Diff()
    for key, item in after.items():
        if key not in before:
            diff.added.append(ItemChange(key, item.kind, item.title, "added"))
            continue
        changes = _field_changes(before[key], item)
        if changes:
            diff.changed.append(ItemChange(key, item.kind, item.title, "changed", changes))
    for key, item in before.items():
        if key not in after:
            diff.removed.append(ItemChange(key, item.kind, item.title, "removed"))
    return diff
