"""The import machinery on its own, with a kind of file made up for the test: the registry, the
job's life whatever the kind (its options, checks, store and outcome), which jobs a user sees,
and the rights asked by the shared pages and endpoint."""

from collections.abc import Mapping, Sequence

import pytest
import rules
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import translation

from onderdak.accounts.models import Role
from onderdak.accounts.predicates import has_role
from onderdak.core.errors import DomainError
from onderdak.imports import selectors
from onderdak.imports.files import cells
from onderdak.imports.files.checking import RowChecker, check_table
from onderdak.imports.files.columns import Column
from onderdak.imports.kinds import KIND_CHOICES, Kind, Registry, registry
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.imports.services import import_job_start
from tests.imports.files import csv_bytes

NUMBER = Column("number", "getal", ("number",))
STORED: list[int] = []


class _NumberChecker(RowChecker[int]):
    def check(self, number: int, row: list) -> None:
        cell = self.cell(row, "number")
        try:
            self.rows.append(cells.people(cell, limit=10))
        except cells.CellError as error:
            self.error(number, "number", cell, error.message)


class NumbersKind(Kind):
    """Whole numbers up to 10; ``options["limit"]`` must be given; a care worker sees only the
    jobs they started, a policy officer every job."""

    key = "test-numbers"
    label = "numbers"
    module = "monitor"
    import_permission = "monitor.import_count"
    view_permission = "imports.test_view"
    columns = (NUMBER,)
    template_slug = "getallen"
    option_fields = {"limit": "A limit."}
    done_template = "monitor/import_done_indicators.html"

    def prepare(self, *, region, user, options: Mapping) -> dict:
        if options.get("limit") is None:
            raise DomainError(fields={"limit": ["Give a limit."]})
        return {"limit": options["limit"]}

    def check(self, job, table, progress):
        return check_table(table, self.columns, _NumberChecker, progress)

    def store(self, job, rows: Sequence, sha256: str) -> dict:
        if sum(rows) > job.options["limit"]:
            raise RuntimeError("over the limit")
        STORED.extend(rows)
        return {"sum": sum(rows)}

    def visible(self, user) -> Q:
        return Q() if user.has_role(Role.POLICY_OFFICER) else Q(created_by=user)


@pytest.fixture
def numbers():
    """The made-up kind, registered for the test; its jobs are for policy officers and care
    workers to see."""
    rules.add_perm("imports.test_view", has_role(Role.POLICY_OFFICER, Role.CARE_WORKER))
    kind = NumbersKind()
    registry.register(kind)
    STORED.clear()
    yield kind
    registry.unregister(kind.key)
    rules.remove_perm("imports.test_view")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def start(region, user, rows, limit=100, name="getallen.csv") -> ImportJob:
    content = csv_bytes([("getal", "opmerking"), *[(row, "") for row in rows]])
    return import_job_start(
        region=region,
        kind="test-numbers",
        uploaded=ContentFile(content, name=name),
        by=user,
        options={"limit": limit},
    )


def test_the_registry_keeps_kinds_by_key_module_and_slug(numbers):
    assert registry.get("test-numbers") is numbers
    assert numbers in registry.of_module("monitor")
    assert registry.by_slug("monitor", "getallen") is numbers
    assert registry.by_slug("capacity", "getallen") is None
    assert ("test-numbers", "numbers") in KIND_CHOICES  # the API schema's enum follows


def test_two_kinds_may_not_share_a_key():
    own = Registry()
    own.register(NumbersKind())
    own.register(NumbersKind())  # the same kind again (a second ``ready``) is fine

    class Other(NumbersKind):
        pass

    with pytest.raises(ValueError, match="share the key"):
        own.register(Other())
    own.unregister("test-numbers")
    assert own.choices == []


def test_a_good_file_is_stored_by_its_kind_with_the_outcome(region, make_member, numbers):
    job = start(region, make_member(Role.POLICY_OFFICER), [1, 2, 3])
    job.refresh_from_db()
    assert (job.status, job.options, job.outcome, job.rows_total) == (
        ImportStatus.DONE,
        {"limit": 100},
        {"sum": 6},
        3,
    )
    assert STORED == [1, 2, 3]
    assert job.kind_label == "numbers"


def test_a_bad_file_is_rejected_by_the_kinds_checks(region, make_member, numbers):
    job = start(region, make_member(Role.POLICY_OFFICER), [1, 11, "x"])
    assert job.status == ImportStatus.REJECTED
    assert [(e["row"], e["column"], e["value"]) for e in job.errors] == [
        (3, "getal", "11"),
        (4, "getal", "x"),
    ]
    assert STORED == []


def test_the_kind_refuses_bad_options_before_a_job_exists(region, make_member, numbers):
    with pytest.raises(DomainError) as raised:
        start(region, make_member(Role.POLICY_OFFICER), [1], limit=None)
    assert "limit" in raised.value.fields
    assert not ImportJob.objects.exists()


def test_an_unknown_kind_is_refused(region, make_member):
    with pytest.raises(DomainError) as raised:
        import_job_start(
            region=region,
            kind="nothing",
            uploaded=ContentFile(b"a;b\r\n1;2\r\n", name="x.csv"),
            by=make_member(Role.POLICY_OFFICER),
        )
    assert "kind" in raised.value.fields


def test_a_store_that_breaks_ends_the_job_failed_with_no_outcome(region, make_member, numbers):
    job = start(region, make_member(Role.POLICY_OFFICER), [5, 6], limit=10)
    assert (job.status, job.outcome) == (ImportStatus.FAILED, {})
    assert "stopped unexpectedly" in job.errors[0]["message"]


def test_each_kind_narrows_the_jobs_a_user_sees(region, make_member, numbers):
    officer, worker, other = (
        make_member(Role.POLICY_OFFICER),
        make_member(Role.CARE_WORKER),
        make_member(Role.CARE_WORKER),
    )
    mine, theirs = start(region, worker, [1]), start(region, other, [2])
    assert set(selectors.visible_jobs(region=region, user=officer)) == {mine, theirs}
    assert list(selectors.visible_jobs(region=region, user=worker)) == [mine]
    assert list(selectors.recent_jobs(region=region, user=officer)) == []
    reader = make_member(Role.GOVERNANCE_READER)
    assert not selectors.visible_jobs(region=region, user=reader).exists()


def test_a_job_of_a_kind_no_module_registers_is_seen_by_nobody(region, make_member, numbers):
    officer = make_member(Role.POLICY_OFFICER)
    job = start(region, officer, [1])
    registry.unregister("test-numbers")
    assert not selectors.visible_jobs(region=region, user=officer).exists()
    assert job.kind_label == "test-numbers"
    assert not officer.has_perm("imports.view_importjob", job)


def test_the_shared_rights_ask_the_kinds(region, make_member, numbers):
    worker, reader = make_member(Role.CARE_WORKER), make_member(Role.GOVERNANCE_READER)
    job = start(region, make_member(Role.POLICY_OFFICER), [1])
    assert worker.has_perm("imports.view_importjob")
    assert worker.has_perm("imports.view_importjob", job)
    assert not reader.has_perm("imports.view_importjob")
    assert not reader.has_perm("imports.add_importjob")  # no kind lets them import
    assert make_member(Role.POLICY_OFFICER).has_perm("imports.add_importjob")
