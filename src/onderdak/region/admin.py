from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from onderdak.region.models import (
    GovernanceBody,
    GovernanceRole,
    Municipality,
    Organisation,
    PopulationFigure,
    Region,
    Subregion,
)


class PopulationFigureInline(admin.TabularInline):
    model = PopulationFigure
    extra = 0


class GovernanceRoleInline(admin.TabularInline):
    model = GovernanceRole
    extra = 0


@admin.register(Region)
class RegionAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "slug"]


@admin.register(Subregion)
class SubregionAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "region", "colour"]
    list_select_related = ["region"]


@admin.register(Municipality)
class MunicipalityAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "cbs_code", "subregion"]
    list_select_related = ["subregion"]
    list_filter = ["subregion"]
    exclude = ["boundary"]
    inlines = [PopulationFigureInline]


@admin.register(Organisation)
class OrganisationAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "kind", "municipality", "is_active"]
    list_select_related = ["municipality"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]


@admin.register(GovernanceBody)
class GovernanceBodyAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "short_name", "level"]
    inlines = [GovernanceRoleInline]
