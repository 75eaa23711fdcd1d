"""Home page, health check, error pages and the thin-view helpers every app uses."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from onderdak.accounts import selectors as account_selectors
from onderdak.accounts.models import Role
from onderdak.audit import selectors as audit_selectors
from onderdak.contingent.selectors import reports as contingent_reports
from onderdak.core.api.exceptions import error_body
from onderdak.core.errors import DomainError
from onderdak.framework.selectors import home as framework_home
from onderdak.monitor.selectors import dashboard as monitor_dashboard
from onderdak.region import selectors as region_selectors
from onderdak.region.models import OrganisationKind


class RulesPermissionMixin(PermissionRequiredMixin):
    """Anonymous users go to the login page; members without the permission get a 403 page.

    Permissions are checked per action, not per object: the object is found within the caller's
    scope (``get_queryset``). So rules' default of fetching the object for the check (which would
    fetch it twice and log a personal-data read twice) is switched off.
    """

    def get_permission_object(self):
        return None

    def handle_no_permission(self):
        self.raise_exception = self.request.user.is_authenticated
        return super().handle_no_permission()


class ServiceFormMixin:
    """A form view whose write goes through a service.

    Subclasses implement ``perform(form)``, which calls the service and returns the saved object.
    A ``DomainError`` from the service is shown on the form; nothing is half-saved because every
    service runs in one transaction.
    """

    def form_valid(self, form):
        try:
            self.object = self.perform(form)
        except DomainError as error:
            attach_domain_error(form, error)
            return self.form_invalid(form)
        return HttpResponseRedirect(self.get_success_url())


def attach_domain_error(form, error: DomainError) -> None:
    if not error.fields:
        form.add_error(None, str(error.message))
    for name, messages in error.fields.items():
        target = name if name in form.fields else None
        for message in messages:
            form.add_error(target, message)


#: Roles whose home page shows the latest count (DESIGN.md §3a).
MONITOR_HOME_ROLES = (Role.POLICY_OFFICER, Role.GOVERNANCE_READER, Role.MUNICIPALITY_OFFICER)


class HomeView(LoginRequiredMixin, TemplateView):
    """What needs this user today, per role; every figure links to the list behind it."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context["memberships"] = user.active_memberships
        context["region"] = account_selectors.region_for_user(user)
        if user.has_role(Role.ADMINISTRATOR):
            context["user_counts"] = account_selectors.user_counts()
        if user.has_perm("auditlog.view_logentry"):
            context["audit_since"] = timezone.localdate() - datetime.timedelta(days=1)
            context["audit_counts"] = audit_selectors.counts_since(since=context["audit_since"])
        if user.has_perm("contingent.view_report"):
            context["contingent_figures"] = contingent_reports.home_figures(user, context["region"])
        if user.has_role(*MONITOR_HOME_ROLES) and user.has_perm("monitor.view_dashboard"):
            context["show_monitor"] = True
            context["monitor_figure"] = monitor_dashboard.home_figure(
                region=context["region"],
                suppressed=not user.has_perm("monitor.view_unsuppressed"),
            )
        context.update(_framework_home(user, context["region"]))
        if context["region"]:
            counts = region_selectors.organisation_counts(region=context["region"])
            context["organisation_counts"] = [
                (kind, OrganisationKind.counted(kind, counts.get(kind, 0)), counts.get(kind, 0))
                for kind in OrganisationKind.values
            ]
        return context


def _framework_home(user, region) -> dict:
    """The framework's status for its editors; the versions put to a governance reader."""
    context = {}
    if user.has_perm("framework.change_framework"):
        context["framework_status"] = framework_home.framework_status(region=region)
        context["show_framework"] = True
    if user.has_role(Role.GOVERNANCE_READER) and user.has_perm("framework.view_framework"):
        context["framework_versions"] = framework_home.versions_put_to_governance(region=region)
        context["show_framework"] = True
    return context


@never_cache
@require_GET
def healthz(request):
    """Liveness and database state, for load balancers and monitoring. No personal data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # any database failure means "unavailable"
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "error", "database": database}, status=status
    )


def _wants_json(request) -> bool:
    return request.path.startswith("/api/")


def _error_page(request, status: int, code: str, message: str):
    if _wants_json(request):
        return JsonResponse(error_body(code, message), status=status)
    return render(request, "core/error.html", {"message": message, "status": status}, status=status)


def page_not_found(request, exception=None):
    return _error_page(request, 404, "not_found", _("The requested item does not exist."))


def permission_denied(request, exception=None):
    return _error_page(
        request, 403, "permission_denied", _("You do not have permission to do this.")
    )


def bad_request(request, exception=None):
    return _error_page(request, 400, "bad_request", _("The request is not valid."))


def server_error(request):
    return _error_page(
        request, 500, "server_error", _("Something went wrong on our side; please try again.")
    )
