from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from onderdak.core.forms import Form, StyledFormMixin


class LoginForm(StyledFormMixin, AuthenticationForm):
    pass


class TokenForm(Form):
    token = forms.CharField(
        label=_("6-digit code"),
        max_length=8,
        help_text=_("The code your authenticator app shows now."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class UserFilterForm(Form):
    q = forms.CharField(label=_("Search by username or name"), required=False, max_length=100)
    zonder_rol = forms.BooleanField(label=_("Only users without a role"), required=False)
