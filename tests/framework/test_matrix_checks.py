"""The matrix checks as plain functions: unit cases and properties that hold for any actions."""

from hypothesis import given
from hypothesis import strategies as st

from onderdak.framework.selectors.matrix import (
    COLUMNS,
    MatrixAction,
    claimed_twice,
    matrix_rows,
    normalised_title,
    owner_mismatch,
    without_level,
    without_owner,
)

LEVELS = ["", "local", "subregional", "regional"]
KINDS = ["", "municipality", "subregion", "region"]


def row(pk, title="Actie", level="local", kind="municipality", theme=1) -> MatrixAction:
    return MatrixAction(pk, title, level, kind, "Eigenaar" if kind else "", theme)


def test_normalised_title_ignores_case_spaces_accents_and_punctuation():
    assert normalised_title("  Eén   LOKET, voor iedereen! ") == "een loket voor iedereen"
    assert normalised_title("Eén loket voor-iedereen") == "een loket voor iedereen"


def test_the_flags():
    actions = [
        row(1),
        row(2, level="", kind=""),
        row(3, level="regional", kind=""),
        row(4, level="subregional", kind="municipality"),
        row(5, level="regional", kind="region"),
    ]
    assert [a.pk for a in without_level(actions)] == [2]
    assert [a.pk for a in without_owner(actions)] == [2, 3]
    assert [a.pk for a in owner_mismatch(actions)] == [4]


def test_the_same_task_at_two_levels():
    actions = [
        row(1, "Eén loket"),
        row(2, "een Loket!", level="regional", kind="region"),
        row(3, "Een loket", theme=2),  # the same level twice is not a double claim
        row(4, "Crisisopvang"),
        row(5, "crisisopvang", level="", kind=""),  # no level: flagged as such
    ]
    [group] = claimed_twice(actions)
    assert [a.pk for a in group] == [1, 2, 3]


def test_matrix_rows_put_each_action_in_its_cell():
    class Theme:
        def __init__(self, pk):
            self.pk = pk

    rows = matrix_rows([Theme(1), Theme(2)], [row(1), row(2, level="", theme=2)])
    assert rows[0].cells[COLUMNS.index("local")][0].pk == 1
    assert rows[1].cells[COLUMNS.index("")][0].pk == 2


actions_strategy = st.lists(
    st.builds(
        MatrixAction,
        pk=st.integers(1, 10_000),
        title=st.text(max_size=20),
        level=st.sampled_from(LEVELS),
        owner_kind=st.sampled_from(KINDS),
        owner=st.just(""),
        theme_pk=st.just(1),
    ),
    max_size=30,
)


@given(actions_strategy)
def test_flags_are_subsets_and_claims_span_levels(actions):
    for check in (without_level, without_owner, owner_mismatch):
        assert set(check(actions)) <= set(actions)
    assert not set(without_level(actions)) & set(owner_mismatch(actions))
    for group in claimed_twice(actions):
        assert len({a.level for a in group}) >= 2
        assert len({normalised_title(a.title) for a in group}) == 1
        assert all(a.level for a in group)


@given(actions_strategy)
def test_claims_do_not_depend_on_the_order(actions):
    def keys(found):
        return sorted(sorted(a.pk for a in group) for group in found)

    assert keys(claimed_twice(actions)) == keys(claimed_twice(list(reversed(actions))))


@given(st.text(max_size=40))
def test_normalising_is_idempotent(title):
    once = normalised_title(title)
    assert normalised_title(once) == once
