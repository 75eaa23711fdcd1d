"""The framework module in the management screens.

The adjacent policy domains are reference data: the regional coordinator and the administrator add
and change them, under the same rules as everywhere (``rules``' object permissions), and never
delete one — actions and versions name them. Everything else (the framework, its tree, versions,
participation, the route and the project plan) is kept on the module's pages, where the services
check it.
"""

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from onderdak.framework.models import PolicyDomain


@admin.register(PolicyDomain)
class PolicyDomainAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "name_en", "code", "position"]
    search_fields = ["code", "name", "name_en"]
    ordering = ["position", "code"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
