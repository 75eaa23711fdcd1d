"""Login with a second factor, own profile, and the administrator's user pages."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderdak.accounts import selectors, services
from onderdak.accounts.forms import LoginForm, TokenForm, UserFilterForm
from onderdak.audit.services import record_access
from onderdak.core.api.exceptions import error_body
from onderdak.core.errors import DomainError
from onderdak.core.views import RulesPermissionMixin, attach_domain_error


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """POST only; the session is flushed on the server."""


def _safe_next(request) -> str:
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse_lazy("core:home")


class SecondFactorView(LoginRequiredMixin, FormView):
    """Asks for the current TOTP code; without a confirmed device, sends the user to set-up."""

    template_name = "accounts/second_factor.html"
    form_class = TokenForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not any(devices_for_user(user, confirmed=True)):
            return redirect("accounts:second_factor_setup")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        device = match_token(self.request.user, form.cleaned_data["token"].strip())
        if device is None:
            form.add_error("token", _("This code is not correct; try the next one."))
            return self.form_invalid(form)
        otp_login(self.request, device)
        return redirect(_safe_next(self.request))


class SecondFactorSetupView(LoginRequiredMixin, FormView):
    """Links an authenticator app: shows the QR code and secret, then asks for a first code."""

    template_name = "accounts/second_factor_setup.html"
    form_class = TokenForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and any(devices_for_user(user, confirmed=True)):
            return redirect("accounts:second_factor")
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def device(self) -> TOTPDevice:
        existing = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return existing or services.totp_device_start(user=self.request.user)

    def get_context_data(self, **kwargs):
        image = qrcode.make(self.device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
        svg = image.to_string(encoding="unicode")
        return super().get_context_data(
            qr_svg=svg[svg.index("<svg") :], secret=self._readable_secret(), **kwargs
        )

    def _readable_secret(self) -> str:
        secret = b32encode(self.device.bin_key).decode()
        return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))

    def form_valid(self, form):
        try:
            device = services.totp_device_confirm(
                device=self.device, token=form.cleaned_data["token"]
            )
        except DomainError as error:
            attach_domain_error(form, error)
            return self.form_invalid(form)
        otp_login(self.request, device)
        return redirect("core:home")


class ProfileView(RulesPermissionMixin, TemplateView):
    permission_required = "accounts.view_own_profile"
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            memberships=user.active_memberships,
            has_device=any(devices_for_user(user, confirmed=True)),
            **kwargs,
        )


class UserListView(RulesPermissionMixin, ListView):
    permission_required = "accounts.view_user"
    template_name = "accounts/user_list.html"
    context_object_name = "users"
    paginate_by = 50

    @cached_property
    def filter_form(self) -> UserFilterForm:
        return UserFilterForm(self.request.GET or None)

    def get_queryset(self):
        if not self.filter_form.is_valid():
            return selectors.user_list()
        data = self.filter_form.cleaned_data
        return selectors.user_list(query=data["q"], without_role=data["zonder_rol"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class UserDetailView(RulesPermissionMixin, DetailView):
    """A user's record holds personal data: every opening is written to the access log."""

    permission_required = "accounts.view_user"
    template_name = "accounts/user_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return selectors.user_list()

    def get_object(self, queryset=None):
        person = super().get_object(queryset)
        record_access(instance=person)
        return person

    def get_context_data(self, **kwargs):
        content_type = ContentType.objects.get_for_model(self.object)
        return super().get_context_data(content_type_id=content_type.pk, **kwargs)


def locked_out(request, credentials=None, *args, **kwargs):
    """What django-axes answers after too many failures: JSON for the API, a page otherwise."""
    message = _("Too many failed login attempts; try again later.")
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("locked_out", message), status=429)
    return render(request, "accounts/locked_out.html", status=429)
