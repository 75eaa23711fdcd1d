"""The monitor's two kinds of import file, for the shared import machinery (``onderdak.imports``):
a **count** file becomes a new version of a count, an **indicators** file writes indicator values.

Each kind builds the lookups its checks need from the database (municipalities of the region,
breakdown values, indicators), checks the rows with ``monitor.importing`` and stores them with the
monitor's services; the job keeps the count it imports into (``options["count"]``) and the
version it made (``outcome``: its number, rows and people counted).
"""

from collections.abc import Mapping, Sequence

from django.db.models import BigIntegerField, OuterRef, QuerySet, Subquery
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.core.errors import DomainError
from onderdak.core.exports import Sheet
from onderdak.imports.files.cells import cbs_key
from onderdak.imports.files.columns import normal
from onderdak.imports.files.problems import CheckResult, Progress, Table
from onderdak.imports.kinds import Kind, registry
from onderdak.imports.models import ImportJob
from onderdak.monitor.importing import counts as count_columns
from onderdak.monitor.importing import indicators as indicator_columns
from onderdak.monitor.importing.counts import CountLookups, check_count_rows
from onderdak.monitor.importing.indicators import IndicatorLookups, check_indicator_rows
from onderdak.monitor.models import (
    Count,
    CountVersion,
    Dimension,
    ImportKind,
    Indicator,
    ReferenceValue,
)
from onderdak.monitor.selectors import counts as count_selectors
from onderdak.monitor.selectors.imports import job_indicators
from onderdak.monitor.services.indicator_imports import indicator_values_store
from onderdak.monitor.services.versions import count_version_store
from onderdak.region.models import Municipality, Region

# --- Lookups -------------------------------------------------------------------------------------


def municipality_keys(region: Region) -> dict[str, int]:
    """The region's municipalities by CBS key (``gm0546``) and by normal name."""
    keys: dict[str, int] = {}
    for pk, code, name in Municipality.objects.filter(region=region).values_list(
        "pk", "cbs_code", "name"
    ):
        keys[cbs_key(normal(code)) or normal(code)] = pk
        keys[normal(name)] = pk
    return keys


def count_lookups(region: Region) -> CountLookups:
    """What a count file of ``region`` may name (see :class:`CountLookups`)."""
    values: dict[str, dict[str, int]] = {dimension: {} for dimension in Dimension.values}
    retired: dict[str, set[str]] = {dimension: set() for dimension in Dimension.values}
    for value in ReferenceValue.objects.all():
        keys = {normal(value.code), normal(value.name), normal(value.name_en)} - {""}
        if value.is_active:
            values[value.dimension].update(dict.fromkeys(keys, value.pk))
        else:
            retired[value.dimension] |= keys
    return CountLookups(
        municipalities=municipality_keys(region),
        values=values,
        retired={dimension: frozenset(keys) for dimension, keys in retired.items()},
    )


def indicator_lookups(region: Region) -> IndicatorLookups:
    units = Indicator.objects.filter(region=region).values_list("code", "unit")
    return IndicatorLookups(
        municipalities=municipality_keys(region),
        units={code.lower(): unit for code, unit in units},
    )


def municipality_sheet(region: Region) -> Sheet:
    rows = [(m.cbs_code, m.name) for m in count_selectors.municipalities(region=region)]
    return Sheet(_("Municipalities"), [_("CBS code"), _("Name")], rows)


def code_sheet() -> Sheet:
    """Every breakdown's values in use, by code and by Dutch and English name."""
    rows = [
        (str(Dimension(dimension).label), value.code, value.name, value.name_en)
        for dimension, values in count_selectors.reference_values().items()
        for value in values
    ]
    headers = [_("Breakdown"), _("Code"), _("Name (Dutch)"), _("Name (English)")]
    return Sheet(_("Codes"), headers, rows)


def job_version(job: ImportJob) -> CountVersion | None:
    """The version a count file's job made, if it made one."""
    number = job.outcome.get("version")
    if job.kind != ImportKind.COUNT or number is None:
        return None
    return CountVersion.objects.filter(count_id=job.options["count"], number=number).first()


# --- The kinds -----------------------------------------------------------------------------------


class MonitorKind(Kind):
    """What both monitor kinds share: the pages, the rights and the municipalities' sheet."""

    module = "monitor"
    view_permission = "monitor.view_importjob"

    def template_sheets(self, region: Region, user: User) -> list[Sheet]:
        return [municipality_sheet(region)]


class CountImport(MonitorKind):
    """A count file: every row a municipality x breakdown value x people; a good file becomes the
    count's new current version."""

    key = ImportKind.COUNT
    label = ImportKind.COUNT.label
    import_permission = "monitor.import_count"
    columns = count_columns.COLUMNS
    template_slug = "telling"
    option_fields = {"count": "The count's id, for a count file."}
    done_template = "monitor/import_done_count.html"

    def prepare(self, *, region: Region, user: User, options: Mapping) -> dict:
        count = Count.objects.filter(region=region, pk=options.get("count") or 0).first()
        if count is None:
            raise DomainError(fields={"count": [_("Choose a count of your region.")]})
        return {"count": count.pk}

    def check(self, job: ImportJob, table: Table, progress: Progress | None) -> CheckResult:
        return check_count_rows(table, count_lookups(job.region), progress)

    def store(self, job: ImportJob, rows: Sequence, sha256: str) -> dict:
        version = count_version_store(
            count=Count.objects.get(pk=job.options["count"]),
            rows=rows,
            file_name=job.file_name,
            file_sha256=sha256,
            imported_by=job.created_by,
        )
        return {
            "version": version.number,
            "rows": version.row_count,
            "people": version.people_total,
        }

    def annotate(self, jobs: QuerySet[ImportJob]) -> QuerySet[ImportJob]:
        """The title of the count each job imported into, as ``subject``."""
        count = Cast(KT("options__count"), BigIntegerField())
        titles = Count.objects.filter(pk=OuterRef("count_id")).values("title")[:1]
        return jobs.alias(count_id=count).annotate(subject=Subquery(titles))

    def back_link(self, job: ImportJob) -> tuple[str, str]:
        url = reverse("monitor:count_detail", args=[job.options["count"]])
        return url, _("Back to %(title)s") % {"title": job.subject}

    def done_context(self, job: ImportJob, user: User) -> dict:
        people = count_selectors.people_shown(
            job.outcome["people"], unsuppressed=user.has_perm("monitor.view_unsuppressed")
        )
        return {"people": people}

    def template_sheets(self, region: Region, user: User) -> list[Sheet]:
        return [code_sheet(), *super().template_sheets(region, user)]


class IndicatorImport(MonitorKind):
    """An indicator file: values per indicator, municipality and period; a new code makes a new
    indicator, a value the indicator has already is replaced."""

    key = ImportKind.INDICATORS
    label = ImportKind.INDICATORS.label
    import_permission = "monitor.import_indicators"
    columns = indicator_columns.COLUMNS
    template_slug = "indicatoren"
    done_template = "monitor/import_done_indicators.html"

    def check(self, job: ImportJob, table: Table, progress: Progress | None) -> CheckResult:
        return check_indicator_rows(table, indicator_lookups(job.region), progress)

    def store(self, job: ImportJob, rows: Sequence, sha256: str) -> dict:
        stored = indicator_values_store(region=job.region, rows=rows, job=job)
        return {"values": stored.values}

    def done_context(self, job: ImportJob, user: User) -> dict:
        return {"indicators": job_indicators(job=job)}


def register_kinds() -> None:
    """Called when the monitor app is ready."""
    registry.register(CountImport())
    registry.register(IndicatorImport())
