"""Monthly figures imported from the providers' Excel sheets or CSV files, through the shared import
machinery (``onderdak.imports``; docs/imports.md): all or nothing, a row-by-row error report, a
downloadable template with a sheet of the importer's facilities.

A care worker imports for their own care provider's facilities only: the job keeps those care
providers (``options["providers"]``), so the checks know no other facility, and the care worker
follows only the imports they started. A planner imports for every facility of the region.
Re-importing a month of a facility replaces it. The job's ``outcome`` says how many months were
new and how many replaced, and the first of the warnings (``services.figures``).
"""

from collections.abc import Mapping, Sequence

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.accounts.models import User
from onderdak.capacity.importing import figures as figure_columns
from onderdak.capacity.importing.figures import Contract, FigureLookups, check_figure_rows
from onderdak.capacity.models import Facility
from onderdak.capacity.rules import is_planner, provider_ids
from onderdak.capacity.selectors.facilities import importable_facilities
from onderdak.capacity.services.figures import monthly_figures_store
from onderdak.core.exports import Sheet
from onderdak.imports.files.columns import normal
from onderdak.imports.files.problems import CheckResult, Progress, Table
from onderdak.imports.kinds import Kind, registry
from onderdak.imports.models import ImportJob
from onderdak.region.models import Region

KEY = "monthly_figures"
#: How many warnings a job keeps (its page shows them; the number of warnings is exact).
MAX_WARNINGS = 300


def figure_lookups(region: Region, providers: Sequence[int] | None) -> FigureLookups:
    """The facilities of ``region`` a file may name: of ``providers`` only, unless ``None``."""
    facilities = Facility.objects.filter(region=region)
    if providers is not None:
        facilities = facilities.filter(provider__in=providers)
    contracts, names = {}, {}
    for pk, name, start, end in facilities.values_list(
        "pk", "name", "contract_start", "contract_end"
    ):
        contracts[pk] = Contract(start=start, end=end)
        names.setdefault(normal(name), []).append(pk)
    return FigureLookups(
        contracts=contracts,
        names={name: tuple(ids) for name, ids in names.items()},
        own_only=providers is not None,
        today=timezone.localdate(),
    )


def facility_sheet(facilities) -> Sheet:
    """The facilities a file may name, with their number: the template's second sheet."""
    headers = [
        _("Number"),
        _("Facility"),
        _("Care provider"),
        _("Municipality"),
        _("Type"),
        _("Places"),
        _("Contract from"),
        _("Contract until"),
    ]
    rows = [
        (
            f.pk,
            f.name,
            f.provider.name,
            f.municipality.name,
            f.facility_type.label,
            f.places,
            f.contract_start,
            f.contract_end,
        )
        for f in facilities
    ]
    return Sheet(_("Facilities"), headers, rows)


class MonthlyFiguresImport(Kind):
    """A file of monthly figures: per row a facility, a month and the month's figures."""

    key = KEY
    label = gettext_lazy("monthly figures")
    module = "capacity"
    import_permission = "capacity.import_monthlyfigure"
    view_permission = "capacity.view_figureimport"
    columns = figure_columns.COLUMNS
    template_slug = "maandcijfers"
    done_template = "capacity/import_done_figures.html"

    def prepare(self, *, region: Region, user: User, options: Mapping) -> dict:
        """A planner imports for the region; anyone else for their own care providers."""
        return {} if is_planner(user) else {"providers": sorted(provider_ids(user))}

    def check(self, job: ImportJob, table: Table, progress: Progress | None) -> CheckResult:
        lookups = figure_lookups(job.region, job.options.get("providers"))
        return check_figure_rows(table, lookups, progress)

    def store(self, job: ImportJob, rows: Sequence, sha256: str) -> dict:
        stored = monthly_figures_store(rows=rows, by=job.created_by)
        return {
            "created": stored.created,
            "replaced": stored.replaced,
            "warning_count": len(stored.warnings),
            "warnings": [
                {"row": row, "message": message} for row, message in stored.warnings[:MAX_WARNINGS]
            ],
        }

    def visible(self, user: User) -> Q:
        return Q() if is_planner(user) else Q(created_by=user)

    def template_sheets(self, region: Region, user: User) -> list[Sheet]:
        return [facility_sheet(importable_facilities(user=user, region=region))]


def register_kinds() -> None:
    """Called when the capacity app is ready."""
    registry.register(MonthlyFiguresImport())
