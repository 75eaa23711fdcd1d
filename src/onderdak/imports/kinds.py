"""The kinds of import: what each module registers so that one machinery imports its files.

A module describes a kind of file (a count, indicators, monthly figures) by a subclass of
:class:`Kind` and registers it when the app is ready (``registry.register(...)`` in its
``AppConfig.ready``). The job's life (upload, check, store or reject, background, progress,
errors, report) is the same for every kind (``services``); a kind says what is kind-specific:
who may import it, its columns and template, how its rows are checked and stored, which jobs a
user sees, and what the job's page shows when it is done. This app imports no module's models:
the kind does that.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from onderdak.core.exports import Sheet
from onderdak.imports.files.columns import Column
from onderdak.imports.files.problems import CheckResult, Progress, Table

if TYPE_CHECKING:
    from onderdak.accounts.models import User
    from onderdak.imports.models import ImportJob
    from onderdak.region.models import Region


class Kind(ABC):
    """One kind of import file. Subclasses set the attributes and implement ``check``/``store``.

    - ``key``: stored on the job and named by the API's ``kind`` (``count``);
    - ``module``: the app label whose pages show the job (its URL namespace);
    - ``import_permission``: may the user import a file of this kind;
    - ``view_permission``: may the user see jobs of this kind (narrowed by :meth:`visible`);
    - ``template_slug``: the template's name in the address (``telling``);
    - ``option_fields``: what a job needs besides the file, by name, with the API's help text
      (whole numbers: ids);
    - ``done_template``: what the job's page shows when the file was imported.
    """

    key: str
    label: str
    module: str
    import_permission: str
    view_permission: str
    columns: tuple[Column, ...]
    template_slug: str
    option_fields: Mapping[str, str] = {}
    done_template: str

    def prepare(self, *, region: Region, user: User, options: Mapping) -> dict:
        """The job's ``options`` from what the caller gave; a ``DomainError`` says what is off."""
        return {}

    @abstractmethod
    def check(self, job: ImportJob, table: Table, progress: Progress | None) -> CheckResult:
        """Every row of ``table`` checked for ``job``: the rows, or every error."""

    @abstractmethod
    def store(self, job: ImportJob, rows: Sequence, sha256: str) -> dict:
        """Store the checked ``rows`` (within the caller's transaction); the job's ``outcome``."""

    def visible(self, user: User) -> Q:
        """Which jobs of this kind ``user`` (who has ``view_permission``) sees in the region."""
        return Q()

    def annotate(self, jobs: QuerySet[ImportJob]) -> QuerySet[ImportJob]:
        """What the kind's pages show of a job, read with the jobs (no query per job)."""
        return jobs

    def subject(self, job: ImportJob) -> str:
        """What the file was imported into, beside the kind's name (a count's title): the
        ``subject`` :meth:`annotate` gives the job, if any."""
        return getattr(job, "subject", None) or ""

    def back_link(self, job: ImportJob) -> tuple[str, str] | None:
        """The address and text of the job page's way back; ``None``: the module's imports."""
        return None

    def done_context(self, job: ImportJob, user: User) -> dict:
        """What :attr:`done_template` needs besides the job."""
        return {}

    def template_sheets(self, region: Region, user: User) -> list[Sheet]:
        """The sheets after the first in the XLSX template: the valid codes and names."""
        return []


class Registry:
    """Every kind by its key; ``choices`` lists them as ``(key, label)`` (the API's enum)."""

    def __init__(self) -> None:
        self._kinds: dict[str, Kind] = {}
        self.choices: list[tuple[str, str]] = []

    def register(self, kind: Kind) -> None:
        known = self._kinds.get(kind.key)
        if known is not None and type(known) is not type(kind):
            raise ValueError(f"Two kinds of import share the key {kind.key!r}.")
        self._kinds[kind.key] = kind
        self._update_choices()

    def unregister(self, key: str) -> None:
        self._kinds.pop(key, None)
        self._update_choices()

    def _update_choices(self) -> None:
        """In place: ``KIND_CHOICES`` is this very list."""
        self.choices[:] = [(kind.key, kind.label) for kind in self]

    def get(self, key: str) -> Kind | None:
        return self._kinds.get(key)

    def __iter__(self) -> Iterator[Kind]:
        return iter(self._kinds.values())

    def of_module(self, module: str) -> list[Kind]:
        return [kind for kind in self if kind.module == module]

    def by_slug(self, module: str, slug: str) -> Kind | None:
        return next((kind for kind in self.of_module(module) if kind.template_slug == slug), None)


registry = Registry()
#: The registered kinds as choices, for the API schema's enum (settings ``ENUM_NAME_OVERRIDES``).
KIND_CHOICES = registry.choices
