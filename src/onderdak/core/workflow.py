"""Declarative workflows: one transition table per case type (DESIGN.md §4.2).

A ``Workflow`` holds the table of a model with a ``status`` field: for every action, the states it
may start from, the state it leads to, and the permission a user needs to take it (``None``: the
step only follows from another one, e.g. a nomination is placed when its proposal is accepted).
``apply`` locks the row (``select_for_update``), checks the state and the version the caller read,
and saves; an illegal step raises ``Conflict`` (409) with a message that names the step and the
state. Side effects (e-mail) belong in ``transaction.on_commit`` in the calling service.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connection, models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from onderdak.core.errors import Conflict
from onderdak.core.validation import save_validated

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    permission: str | None
    label: Promise | str  # what the step is called on a button and in messages ("approve")


class Workflow(Generic[M]):
    def __init__(self, model: type[M], transitions: Iterable[Transition]):
        self.model = model
        self.transitions = {t.action: t for t in transitions}

    def __getitem__(self, action: str) -> Transition:
        return self.transitions[action]

    def allowed_from(self, status: str) -> list[Transition]:
        return [t for t in self.transitions.values() if status in t.sources]

    def available(self, user, instance: M) -> list[Transition]:
        """The steps ``user`` may take on ``instance`` now (buttons on its page)."""
        return [
            t
            for t in self.allowed_from(instance.status)
            if t.permission and user.has_perm(t.permission, instance)
        ]

    def lock(self, instance: M, expected_version: int | None = None) -> M:
        """The row, freshly read and locked until the transaction ends; refused when it changed
        since the caller read version ``expected_version``."""
        if not connection.in_atomic_block:
            raise RuntimeError("Lock a case inside a transaction (the service's atomic block).")
        fresh = self.model._default_manager.select_for_update().get(pk=instance.pk)
        if expected_version is not None and fresh.version != expected_version:
            raise Conflict(
                _(
                    "Someone else changed this %(item)s in the meantime. Reload the page to see "
                    "the change, then try again."
                )
                % {"item": self.model._meta.verbose_name},
                code="stale",
            )
        return fresh

    def check(self, instance: M, action: str) -> Transition:
        transition = self.transitions[action]
        if instance.status not in transition.sources:
            raise Conflict(
                _("You cannot %(action)s a %(item)s that is “%(status)s”.")
                % {
                    "action": transition.label,
                    "item": self.model._meta.verbose_name,
                    "status": instance.get_status_display(),
                },
                code="invalid_transition",
            )
        return transition

    def apply(
        self,
        instance: M,
        action: str,
        *,
        expected_version: int | None = None,
        changes: dict[str, Any] | None = None,
    ) -> M:
        """Take step ``action``: lock, check, set ``changes`` and the new state, validate, save.

        Returns the fresh instance; the caller's copy is stale afterwards.
        """
        fresh = self.lock(instance, expected_version)
        transition = self.check(fresh, action)
        for name, value in (changes or {}).items():
            setattr(fresh, name, value)
        fresh.status = transition.target
        fresh.status_changed_at = timezone.now()
        fresh.version += 1
        return save_validated(fresh)
