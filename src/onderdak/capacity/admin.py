"""The capacity module in the management screens.

Facility types are reference data: the regional coordinator and the administrator add and change
them, under the same rules as everywhere (``rules``' object permissions), and never delete one —
a type a facility or a plan line uses must stay; ``is_active`` takes one out of new facilities,
plans and imports. Everything else is kept on the module's pages, where the services check it.
"""

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from onderdak.capacity.models import FacilityType


@admin.register(FacilityType)
class FacilityTypeAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "name_en", "code", "default_level", "when_full", "order", "is_active"]
    list_filter = ["default_level", "when_full", "is_active"]
    search_fields = ["code", "name", "name_en"]
    ordering = ["order", "code"]
