"""The management screens (Django admin), open to the administrator and coordinator roles.

Model admins use ``rules`` object permissions, so the admin obeys the same per-action rules as the
web pages and the API; its writes reach the audit trail through the same model signals.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from onderdak.accounts.models import Role
from onderdak.audit.services import record_access


class OnderdakAdminSite(admin.AdminSite):
    site_header = _("Onderdak management")
    site_title = _("Onderdak management")
    index_title = _("Management")

    def has_permission(self, request) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_authenticated
            and (user.is_superuser or user.has_role(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR))
        )


class AccessLoggedAdminMixin:
    """Opening a record that holds personal data in the admin is logged like any other read."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, admin.utils.unquote(object_id))
            if obj is not None and self.has_view_permission(request, obj):
                record_access(instance=obj)
        return super().change_view(request, object_id, form_url, extra_context)
