"""What every page about one case shares: finding it within the user's rights, and taking a step.

``CaseMixin`` finds the case among those the user may see (``selectors.visibility``) and checks
the permission on that very case, so a rule such as "only the tie municipality reviews" holds for
pages and buttons alike. ``StepView`` is the page of one workflow step (approve, decline, withdraw,
...): a confirmation form with the version the user read and, where the step needs it, a reason;
the step itself is the service's.
"""

from collections.abc import Callable
from functools import cached_property

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from onderdak.contingent.models.base import REASON_LENGTH
from onderdak.core.errors import DomainError
from onderdak.core.forms import Form
from onderdak.core.views import RulesPermissionMixin, attach_domain_error
from onderdak.core.workflow import Workflow


class CaseMixin(RulesPermissionMixin):
    """A page about the case ``kwargs["pk"]`` out of ``queryset_for(user)``; a case the user may
    not see is "not found", one they may see but not act on is "forbidden"."""

    queryset_for: Callable[..., QuerySet]

    @cached_property
    def case(self):
        queryset = type(self).queryset_for(self.request.user)
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.case if self.request.user.is_authenticated else None

    def get_context_data(self, **kwargs):
        return super().get_context_data(case=self.case, **kwargs)


class StepForm(Form):
    """The version the user read (a step on a case changed since is refused) and a reason."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, reason_required: bool, reason_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not reason_required:
            del self.fields["reason"]
        elif reason_label:
            self.fields["reason"].label = reason_label

    def step_data(self) -> dict:
        """The service's keyword arguments besides the case and the user."""
        data = {"expected_version": self.cleaned_data["version"]}
        if "reason" in self.cleaned_data:
            data["reason"] = self.cleaned_data["reason"]
        return data


class StepView(CaseMixin, FormView):
    """The page of one step. Subclasses set the workflow, the action, the service (called with
    the case under ``case_argument``, ``by`` and the form's ``step_data()``), and texts."""

    workflow: Workflow
    action: str
    service: Callable
    case_argument: str
    form_class = StepForm
    template_name = "contingent/step.html"
    reason_required = False
    reason_label = None
    explanation = ""
    done_message = gettext_lazy("Done.")

    def get_permission_required(self):
        return (self.workflow[self.action].permission,)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(reason_required=self.reason_required, reason_label=self.reason_label)
        return kwargs

    def get_initial(self):
        return {"version": self.case.version}

    def get_context_data(self, **kwargs):
        step = self.workflow[self.action]
        return super().get_context_data(
            step=step,
            title=self.get_title(),
            explanation=self.explanation,
            cancel_url=self.case_url(),
            **kwargs,
        )

    def get_title(self) -> str:
        return _("%(action)s: %(case)s") % {
            "action": str(self.workflow[self.action].label).capitalize(),
            "case": self.case,
        }

    def case_url(self) -> str:
        return self.case.get_absolute_url()

    def form_valid(self, form):
        arguments = {self.case_argument: self.case, "by": self.request.user}
        try:
            type(self).service(**arguments, **form.step_data())
        except DomainError as error:
            attach_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, str(self.done_message))
        return HttpResponseRedirect(self.case_url())
