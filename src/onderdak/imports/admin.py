"""Import jobs in the management screens: read-only, for the administrator and the coordinator of
the region. Files come in only through the pages and the API, which check them; neither a file's
bytes nor its errors are shown here."""

from django.contrib import admin

from onderdak.accounts.models import Role
from onderdak.contingent.admin import ReadOnlyAdmin
from onderdak.imports.models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "kind", "status", "error_count", "created_at"]
    list_filter = ["kind", "status"]
    exclude = ["content", "errors"]
    region_path = "region"

    def has_module_permission(self, request) -> bool:
        return request.user.has_role(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR)
