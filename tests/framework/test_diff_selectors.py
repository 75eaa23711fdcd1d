"""The version diff as a pure function on two content dicts: unit cases and properties."""

import copy

from hypothesis import given
from hypothesis import strategies as st

from onderdak.framework.selectors.diff import WORD_PAIRS, Words, content_diff, word_diff


def action(key, **fields):
    return {
        "key": key,
        "title": "Lokaal loket",
        "description": "<p>Eén loket per gemeente.</p>",
        "level": "local",
        "owner": "Leiden",
        "partners": [],
        "policy_domains": ["wonen"],
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "status": "planned",
        "indicators": [],
        **fields,
    }


def content(*actions, theme_title="Dakloosheid"):
    return {
        "title": "Beleidskader",
        "first_year": 2026,
        "last_year": 2031,
        "vision": "<p>Iedereen een thuis.</p>",
        "themes": [
            {
                "key": "theme-1",
                "title": theme_title,
                "description": "",
                "ambitions": [
                    {
                        "key": "ambition-1",
                        "title": "Niemand buiten",
                        "description": "",
                        "actions": list(actions),
                    },
                    {
                        "key": "ambition-2",
                        "title": "Snel een woning",
                        "description": "",
                        "actions": [],
                    },
                ],
            }
        ],
    }


def test_a_content_against_itself_is_empty():
    one = content(action("action-1"))
    assert content_diff(one, copy.deepcopy(one)).is_empty


def test_added_removed_and_changed_field_by_field():
    old = content(action("action-1"), action("action-2", title="Weg"))
    new = content(
        action(
            "action-1",
            level="regional",
            owner="Holland Rijnland",
            description="<p>Eén loket voor de hele regio.</p>",
            indicators=[{"code": "ethos-people", "targets": {"2027": "10"}}],
        ),
        action("action-3", title="Nieuw"),
    )
    diff = content_diff(old, new)
    assert [i.key for i in diff.added] == ["action-3"]
    assert [i.key for i in diff.removed] == ["action-2"]
    [changed] = diff.changed
    names = [f.name for f in changed.fields]
    assert names == ["description", "level", "owner", "indicators"]
    description = changed.fields[0]
    assert description.old == "Eén loket per gemeente."
    assert Words("removed", "per gemeente.") in description.words
    assert Words("added", "voor de hele regio.") in description.words
    assert changed.fields[3].new == "ethos-people: 2027 = 10"


def test_a_moved_action_is_changed_but_a_renamed_parent_moves_nothing():
    old = content(action("action-1"))
    renamed = content(action("action-1"), theme_title="Thuisloosheid")
    diff = content_diff(old, renamed)
    assert [(i.key, [f.name for f in i.fields]) for i in diff.changed] == [("theme-1", ["title"])]
    moved = copy.deepcopy(old)
    ambitions = moved["themes"][0]["ambitions"]
    ambitions[1]["actions"] = ambitions[0]["actions"]
    ambitions[0]["actions"] = []
    [change] = content_diff(old, moved).changed
    assert change.fields[0].name == "parent"
    assert (change.fields[0].old, change.fields[0].new) == ("Niemand buiten", "Snel een woning")


def test_word_diff():
    assert word_diff("a b c", "a x c") == (
        Words("same", "a"),
        Words("removed", "b"),
        Words("added", "x"),
        Words("same", "c"),
    )


def test_a_rewritten_long_text_is_struck_and_added_whole():
    old, new = " ".join(["oud"] * 600), " ".join(["nieuw"] * 600)
    assert WORD_PAIRS < 600 * 600
    before, after = f"begin {old} einde", f"begin {new} einde"
    assert word_diff(before, after) == (
        Words("same", "begin"),
        Words("removed", old),
        Words("added", new),
        Words("same", "einde"),
    )


words = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=12)


@given(words, words)
def test_property_the_runs_give_back_both_texts(old, new):
    runs = word_diff(" ".join(old), " ".join(new))
    assert " ".join(r.text for r in runs if r.kind != "added").split() == old
    assert " ".join(r.text for r in runs if r.kind != "removed").split() == new
    assert all(r.text for r in runs)


def test_moving_under_a_parent_of_the_same_title_is_a_change():
    old = content(action("action-1"))
    moved = copy.deepcopy(old)
    ambitions = moved["themes"][0]["ambitions"]
    ambitions.append({**ambitions[0], "key": "ambition-99", "actions": ambitions[0]["actions"]})
    ambitions[0]["actions"] = []
    [change] = [c for c in content_diff(old, moved).changed if c.key == "action-1"]
    assert [f.name for f in change.fields] == ["parent"]


keys = st.sets(st.integers(1, 20), max_size=8)
titles = st.sampled_from(["A", "B", "C"])


@st.composite
def contents(draw):
    return content(*(action(f"action-{k}", title=draw(titles)) for k in sorted(draw(keys))))


@given(contents())
def test_property_nothing_against_itself(one):
    assert content_diff(one, copy.deepcopy(one)).is_empty


@given(contents(), contents())
def test_property_swapping_swaps_added_and_removed(one, other):
    forward, backward = content_diff(one, other), content_diff(other, one)
    assert {i.key for i in forward.added} == {i.key for i in backward.removed}
    assert {i.key for i in forward.removed} == {i.key for i in backward.added}
    assert {i.key for i in forward.changed} == {i.key for i in backward.changed}
