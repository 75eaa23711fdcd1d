from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from onderdak.accounts.models import Membership, User
from onderdak.core.admin import AccessLoggedAdminMixin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # memberships are deactivated, never deleted: the trail keeps their history


@admin.register(User)
class UserAdmin(AccessLoggedAdminMixin, ObjectPermissionsModelAdmin, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal details"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Status"), {"fields": ["is_active", "is_demo"]}),
    ]
    readonly_fields = ["is_demo"]
    inlines = [MembershipInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # users are deactivated, never deleted


@admin.register(Membership)
class MembershipAdmin(ObjectPermissionsModelAdmin):
    list_display = ["user", "organisation", "role", "is_active"]
    list_select_related = ["user", "organisation"]
    list_filter = ["role", "is_active"]
    autocomplete_fields = ["user", "organisation"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
