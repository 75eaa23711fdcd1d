"""The monitor in the management screens.

- Breakdown values (reference data) are kept by the administrator, under the same rules as
  everywhere (``rules``' object permissions): added and changed, never deleted — a value a count
  uses must stay; ``is_active`` takes one out of the template and of new imports.
- Counts and their versions are read-only here, for the administrator and the coordinator of
  the region: figures come in only through the import, which checks them (its jobs are under
  "imports").
"""

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from onderdak.accounts.models import Role
from onderdak.contingent.admin import ReadOnlyAdmin, ReadOnlyInline
from onderdak.monitor.models import Count, CountVersion, ReferenceValue


@admin.register(ReferenceValue)
class ReferenceValueAdmin(ObjectPermissionsModelAdmin):
    list_display = ["dimension", "code", "name", "name_en", "order", "is_active"]
    list_filter = ["dimension", "is_active"]
    search_fields = ["code", "name", "name_en"]
    ordering = ["dimension", "order", "code"]


class MonitorReadOnlyAdmin(ReadOnlyAdmin):
    """Read-only, scoped to the user's region; listed for the coordinator too."""

    region_path = "region"

    def has_module_permission(self, request) -> bool:
        return request.user.has_role(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR)


class CountVersionInline(ReadOnlyInline):
    model = CountVersion
    fields = ["number", "file_name", "row_count", "people_total", "imported_by", "imported_at"]
    readonly_fields = fields


@admin.register(Count)
class CountAdmin(MonitorReadOnlyAdmin):
    list_display = ["title", "count_date", "area", "current_version", "is_demo"]
    list_select_related = ["current_version"]
    list_filter = ["is_demo"]
    search_fields = ["title"]
    inlines = [CountVersionInline]


@admin.register(CountVersion)
class CountVersionAdmin(MonitorReadOnlyAdmin):
    list_display = ["count", "number", "file_name", "row_count", "people_total", "imported_at"]
    list_select_related = ["count"]
    region_path = "count__region"
