"""Suppression of small counts: hide them, and enough other figures that none can be derived.

Input: every published count (``values``, whole numbers >= 0) and every published sum between
them (``groups``: a total and its parts). Output: the cells to hide and why, ``Hidden.SMALL``
for a count from 1 to ``smallest_shown - 1`` (shown as "<5"), ``Hidden.DERIVED`` for a figure
hidden with it (shown as "x"). Zero is shown unless a complement has to be hidden there.

**The guarantee.** A reader who knows every shown figure, every group's equation, that every
count is a whole number >= 0, that a "<5" cell is 1..4 and of an "x" cell nothing more, cannot
determine any hidden small count: there is a second table, equal to the true one on every shown
figure, with every equation and every label's bound kept, in which that count differs by one.
So its range holds at least two whole numbers. :func:`exposure`, the auditor, computes each
hidden cell's range by linear programming (HiGHS) and the tests check the guarantee with it on
hand-made tables and on random two- and three-way tables with all margins, hierarchies and
linked tables.

**Why not only rules and a rank test.** The familiar rule (hide 1-4; while a group has exactly
one hidden figure, hide one more) leaves figures that several groups solve together, such as a
hidden cell that bridges two cycles of hidden cells in a two-way table. A linear-algebra test
(is the cell's unit vector in the row space of the equations on the hidden cells?) finds those,
but not the bounds: in ``[[1, 6], [6, 4]]`` with its interior hidden every row and column has
two hidden cells and no cell is fixed by the equations, yet the 1 can only go up and the 4 only
down while the only way to change them moves both alike, so the reader knows both. Both attacks
are one question -- can the hidden cells change without breaking an equation or a bound? -- and
that is what the engine asks directly.

**How.** Each small count, in the order of ``values``, needs a *move*: a change of +1 or -1 of
some hidden cells that keeps every equation and every bound the reader knows (a small cell stays
within 1..4, any other at least 0; see :mod:`.moves`). The true values plus a move are the
second table of the guarantee, for every small count the move changes. The search looks, from
the count, for a move among cells already hidden; failing that, one that also hides shown
figures (they become DERIVED), weighing the size of each figure it hides against the equations
it leaves to close, ties broken by the order of ``values``; failing that, one that also takes a
small count beyond 1..4, which is then shown as "x" (DERIVED) instead of "<5". Hiding more never
undoes an earlier move, so one pass protects every count. If the search runs out of its budget
of steps -- never seen on tables with margins, but possible in principle -- a linear programme
(:func:`.linear.protecting_change`) finds the cheapest real change of the table that moves the
count by one and the engine hides what it uses: the guarantee then holds for the LP range, which
is what :func:`exposure` measures. Last, largest figure first, each complement is shown again if
every small count that needed it finds another move among the cells still hidden (within a
budget of steps): a complement hidden early is often not needed once later ones are hidden.

**When the whole table is small.** Every small count is hidden as usual. Where the "<5" labels
themselves would give counts away -- a total of 4 over four parts of 1 -- no move exists within
1..4; the move found then takes a count beyond them (typically that total, up to 5), and the
engine shows it as "x" instead of "<5", so the reader no longer knows that it is below 5. A
table whose figures are all small is thus hidden whole, some of it as "x".

**Determinism.** Groups are put in a canonical order and duplicates dropped, every tie is broken
by the order of ``values`` and the search has no randomness: the same values and the same set of
groups give the same result, in any order of the groups or of their parts.

**Cost and quality.** A dashboard cube of 833 cells and 459 groups (13 municipalities in three
subregions x 7 categories x 4 age bands with all margins, plus gender and finder per
municipality; :func:`.generate.ethos_like`) takes about 30 ms in plain Python and hides about
455 cells, 270 of them small counts. The search is a heuristic: a linear programme per small
count (the cheapest change that moves it, as :func:`.linear.protecting_change` computes it)
hides about 390 cells, whose complements add up to a fifth to a quarter as many people, but takes
12 s. Decision 0012 gives the figures.
"""

from .engine import suppress
from .linear import exposure
from .model import SMALLEST_SHOWN, Group, Hidden

__all__ = ["SMALLEST_SHOWN", "Group", "Hidden", "exposure", "suppress"]
