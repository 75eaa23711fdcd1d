"""What the pages of the participation plan, the input log, the decision route and the project
plan share: the framework a page is about (of the user's region; another is "not found") and a
form page whose write goes through a service: adding a record, changing one or deleting one
(after confirming on its own page)."""

import copy

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from onderdak.accounts.selectors import region_for_user
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin
from onderdak.framework.models import Framework
from onderdak.funding.forms import ConfirmForm


class FrameworkMixin(RulesPermissionMixin):
    """A page about the framework ``kwargs["pk"]`` of the user's region."""

    @cached_property
    def framework(self) -> Framework:
        region = region_for_user(self.request.user)
        return get_object_or_404(Framework.objects.filter(region=region), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(framework=self.framework, **kwargs)


class ServiceFormView(FrameworkMixin, ServiceFormMixin, FormView):
    """A form about a record of the framework, saved by ``perform``; back to ``back`` (the URL
    name of the part's page) with ``done`` as the message. ``model`` and ``parent()`` give the
    form its unsaved instance."""

    template_name = "framework/project_form.html"
    model = None
    heading = ""
    lead = ""
    done = ""
    back = ""
    multipart = False

    def parent(self) -> dict:
        """The fields the new record takes from the page (by default its framework)."""
        return {"framework": self.framework}

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "framework": self.framework}
        if self.model is not None:
            kwargs["instance"] = self.model(**self.parent())
        return kwargs

    def back_url(self) -> str:
        return reverse(self.back, args=[self.framework.pk])

    def get_success_url(self):
        messages.success(self.request, self.done)
        return self.back_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading,
            lead=self.lead,
            cancel_url=self.back_url(),
            multipart=self.multipart,
            **kwargs,
        )


class RecordMixin:
    """A page about one record of the framework: ``records()`` gives the framework's records of
    its kind, ``kwargs[record_kwarg]`` names the one (another framework's is "not found")."""

    record_kwarg = "record"

    def records(self):
        raise NotImplementedError

    @cached_property
    def record(self):
        return get_object_or_404(self.records(), pk=self.kwargs[self.record_kwarg])


class ServiceUpdateView(RecordMixin, ServiceFormView):
    """The form of the record, filled in; ``perform`` saves the change through the service."""

    def get_form_kwargs(self):
        # A copy: the form writes into its instance, and a refused change must not show.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.record)}


class ServiceDeleteView(RecordMixin, ServiceFormView):
    """GET asks to confirm, POST deletes through ``perform``; a refusal (something depends on
    the record) is shown on the page."""

    form_class = ConfirmForm
    template_name = "framework/project_delete.html"
    lead = ""

    @property
    def heading(self):
        return _("Delete %(name)s") % {"name": self.record}

    @property
    def done(self):
        return _("“%(name)s” has been deleted.") % {"name": self.record}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("framework")
        return kwargs
