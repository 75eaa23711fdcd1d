"""The contingent scheme in the management screens: read-only, for looking things up.

Every change goes through the pages and the API, where the services check it; here nothing can
be added, changed or deleted. What a user sees is scoped as everywhere else:

- the year and its lists (key, split, spread, checklists, reasons to decline) are reference data,
  readable by the administrator and the coordinator of the region;
- cases (nominations, clients, documents, dwellings, proposals, placements) are readable only by
  whom ``selectors.visibility`` lets see them (the coordinator: the region's), with the fewest
  fields: a client's name and date of birth are never shown here, and opening a record with
  personal data is logged as a read.
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from onderdak.accounts.models import Role
from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.models import (
    AffordabilityLimit,
    AllocationRun,
    Client,
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineReason,
    Dwelling,
    EligibilityCriterion,
    Evaluation,
    ExcludedMunicipality,
    Nomination,
    NominationDocument,
    Placement,
    Proposal,
    SpreadTarget,
)
from onderdak.contingent.selectors.visibility import (
    visible_dwellings,
    visible_nominations,
    visible_placements,
    visible_proposals,
)
from onderdak.core.admin import AccessLoggedAdminMixin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Nothing to add, change or delete; readable by the administrator and the coordinator."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_role(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR)

    def get_queryset(self, request) -> QuerySet:
        return self.scoped(super().get_queryset(request), request.user)

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        """The rows of the user's region."""
        return queryset.filter(**{self.region_path: region_for_user(user)})

    region_path = "contingent_year__region"


class ReadOnlyInline(admin.TabularInline):
    """Rows shown within a record the user may view; nothing to add, change or delete."""

    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return True


class CaseAdmin(ReadOnlyAdmin):
    """Records of cases: only those the user may see on the pages, with the least personal data.

    The permission is asked without the record: the queryset already holds only what the user
    may see, and the rules' object checks are written for the case types, not their parts.
    """

    view_permission = "contingent.view_nomination"

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm(self.view_permission)


# --- The year and its lists ----------------------------------------------------------------------


class CorporationStockInline(ReadOnlyInline):
    model = CorporationStock


class CorporationTargetInline(ReadOnlyInline):
    model = CorporationTarget


class SpreadTargetInline(ReadOnlyInline):
    model = SpreadTarget


class EligibilityCriterionInline(ReadOnlyInline):
    model = EligibilityCriterion


@admin.register(ContingentYear)
class ContingentYearAdmin(ReadOnlyAdmin):
    list_display = ["year", "region", "total", "outflow_target", "prevention_target", "updated_at"]
    list_select_related = ["region"]
    region_path = "region"
    inlines = [
        CorporationStockInline,
        CorporationTargetInline,
        SpreadTargetInline,
        EligibilityCriterionInline,
    ]


@admin.register(CorporationStock)
class CorporationStockAdmin(ReadOnlyAdmin):
    list_display = ["contingent_year", "corporation", "dwellings"]
    list_select_related = ["contingent_year", "corporation"]
    list_filter = ["contingent_year__year"]


@admin.register(CorporationTarget)
class CorporationTargetAdmin(ReadOnlyAdmin):
    list_display = ["contingent_year", "corporation", "stream", "computed", "target"]
    list_select_related = ["contingent_year", "corporation"]
    list_filter = ["contingent_year__year", "stream"]


@admin.register(SpreadTarget)
class SpreadTargetAdmin(ReadOnlyAdmin):
    list_display = ["contingent_year", "municipality", "target"]
    list_select_related = ["contingent_year", "municipality"]
    list_filter = ["contingent_year__year"]


@admin.register(EligibilityCriterion)
class EligibilityCriterionAdmin(ReadOnlyAdmin):
    list_display = ["text", "contingent_year", "stream", "position"]
    list_select_related = ["contingent_year"]
    list_filter = ["contingent_year__year", "stream"]


@admin.register(DeclineReason)
class DeclineReasonAdmin(ReadOnlyAdmin):
    list_display = ["label", "party", "is_valid", "is_active", "position"]
    list_filter = ["party", "is_valid", "is_active"]
    region_path = "region"


# --- Cases ---------------------------------------------------------------------------------------


@admin.register(Client)
class ClientAdmin(AccessLoggedAdminMixin, CaseAdmin):
    """Known here by number only: the name and date of birth stay on the nomination's page."""

    list_display = ["pk", "provider", "created_at"]
    list_select_related = ["provider"]
    fields = ["provider", "created_at"]

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        return queryset.filter(pk__in=visible_nominations(user).values("client"))

    def get_object(self, request, object_id, from_field=None):
        """The client, named by number in this read-only view: the admin shows a record's name
        in its title, breadcrumbs and history, and the access log records it."""
        client = super().get_object(request, object_id, from_field)
        if client is not None:
            client.name = _("Client %(number)s") % {"number": client.pk}
        return client


class ExcludedMunicipalityInline(ReadOnlyInline):
    model = ExcludedMunicipality
    fields = ["municipality"]  # the reason may say why the client must stay away


@admin.register(Nomination)
class NominationAdmin(AccessLoggedAdminMixin, CaseAdmin):
    list_display = [
        "__str__",
        "contingent_year",
        "provider",
        "stream",
        "status",
        "status_changed_at",
    ]
    list_select_related = ["contingent_year", "provider"]
    list_filter = ["status", "stream", "contingent_year__year"]
    fields = [
        "contingent_year",
        "provider",
        "stream",
        "status",
        "status_changed_at",
        "submitted_at",
        "approved_at",
        "tie_municipality",
        "version",
    ]
    inlines = [ExcludedMunicipalityInline]

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        return queryset.filter(pk__in=visible_nominations(user).values("pk"))


@admin.register(ExcludedMunicipality)
class ExcludedMunicipalityAdmin(CaseAdmin):
    list_display = ["nomination", "municipality"]
    list_select_related = ["nomination", "municipality"]
    fields = ["nomination", "municipality"]

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        return queryset.filter(nomination__in=visible_nominations(user).values("pk"))


@admin.register(NominationDocument)
class NominationDocumentAdmin(AccessLoggedAdminMixin, CaseAdmin):
    """The file and its original name (which may hold the client's name) are left out."""

    view_permission = "contingent.view_nominationdocument"
    list_display = ["pk", "nomination", "kind", "size", "uploaded_at"]
    list_select_related = ["nomination"]
    list_filter = ["kind"]
    fields = ["nomination", "kind", "content_type", "size", "uploaded_at"]

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        return queryset.filter(nomination__in=visible_nominations(user).values("pk"))


@admin.register(Dwelling)
class DwellingAdmin(CaseAdmin):
    view_permission = "contingent.view_dwelling"
    list_display = ["__str__", "corporation", "contingent_year", "status", "available_from"]
    list_select_related = ["corporation", "contingent_year"]
    list_filter = ["status", "stream", "contingent_year__year"]

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        return queryset.filter(pk__in=visible_dwellings(user).values("pk"))


@admin.register(Proposal)
class ProposalAdmin(CaseAdmin):
    view_permission = "contingent.view_proposal"
    list_display = ["__str__", "nomination", "dwelling", "status", "origin", "created_at"]
    list_select_related = ["nomination", "dwelling"]
    list_filter = ["status", "origin"]
    exclude = ["reason", "decline_note"]  # free text, which may be about the client

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        return queryset.filter(pk__in=visible_proposals(user).values("pk"))


class EvaluationInline(ReadOnlyInline):
    model = Evaluation
    exclude = ["note"]


@admin.register(Placement)
class PlacementAdmin(CaseAdmin):
    view_permission = "contingent.view_placement"
    list_display = ["__str__", "nomination", "dwelling", "status", "lease_type", "lease_start"]
    list_select_related = ["nomination", "dwelling"]
    list_filter = ["status", "lease_type"]
    exclude = ["note"]  # free text, which may be about the client
    inlines = [EvaluationInline]

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        return queryset.filter(pk__in=visible_placements(user).values("pk"))


@admin.register(Evaluation)
class EvaluationAdmin(CaseAdmin):
    view_permission = "contingent.view_evaluation"
    list_display = ["__str__", "placement", "due_on", "held_on"]
    list_select_related = ["placement"]
    exclude = ["note"]

    def scoped(self, queryset: QuerySet, user) -> QuerySet:
        return queryset.filter(placement__in=visible_placements(user).values("pk"))


# --- Allocation ----------------------------------------------------------------------------------


@admin.register(AffordabilityLimit)
class AffordabilityLimitAdmin(ReadOnlyAdmin):
    list_display = ["year", "income_band", "household_from", "household_to", "max_rent"]
    list_filter = ["year"]
    region_path = "region"


@admin.register(AllocationRun)
class AllocationRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "contingent_year", "status", "created_by", "created_at"]
    list_select_related = ["contingent_year", "created_by"]
    exclude = ["input", "result", "baseline"]
    region_path = "region"
