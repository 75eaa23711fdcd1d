"""Pages of the decision route (``/beleidskader/<pk>/besluitvorming/``): the versions with their
steps, a version's route with its timeline and papers, and the forms that add a step, record an
outcome and upload a paper (``services.route``).

Editors and municipality officers see every version's route; governance readers the versions put
to them (that left the draft stage) — another version and its papers are "not found".
"""

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from onderdak.framework.forms import route as forms
from onderdak.framework.models import DecisionPaper, DecisionStep, FrameworkVersion
from onderdak.framework.selectors import route as selectors
from onderdak.framework.services import route as services
from onderdak.framework.views.process import (
    FrameworkMixin,
    ServiceDeleteView,
    ServiceFormView,
    ServiceUpdateView,
)

VIEW = "framework.view_decisionstep"
CHANGE = "framework.change_decisionstep"


class RouteView(FrameworkMixin, TemplateView):
    """The versions the user sees, each with its steps."""

    permission_required = VIEW
    template_name = "framework/route.html"

    def get_context_data(self, **kwargs):
        versions = selectors.versions_with_steps(user=self.request.user, framework=self.framework)
        return super().get_context_data(versions=versions, **kwargs)


class VersionMixin(FrameworkMixin):
    @cached_property
    def version(self) -> FrameworkVersion:
        versions = selectors.visible_versions(user=self.request.user, framework=self.framework)
        return get_object_or_404(versions, pk=self.kwargs["version"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{**kwargs, "version": self.version})


class VersionRouteView(VersionMixin, TemplateView):
    """A version's steps with their papers, and the timeline of its route."""

    permission_required = VIEW
    template_name = "framework/route_version.html"

    def get_context_data(self, **kwargs):
        steps = list(selectors.steps_with_papers().filter(version=self.version))
        period = selectors.route_period(self.framework)
        timeline = selectors.route_timeline(version=self.version, steps=steps, period=period)
        return super().get_context_data(steps=steps, chart=timeline, period=period, **kwargs)


class RouteWriteMixin(VersionMixin):
    """A form of an editor about the version's route, which leads back to it."""

    permission_required = CHANGE

    def back_url(self) -> str:
        return reverse("framework:route_version", args=[self.framework.pk, self.version.pk])


class RouteFormView(RouteWriteMixin, ServiceFormView):
    pass


class StepCreateView(RouteFormView):
    form_class = forms.StepForm
    model = DecisionStep
    heading = gettext_lazy("New decision step")
    lead = gettext_lazy("The next body the version goes to, after the last step of its route.")
    done = gettext_lazy("The step has been added to the route.")

    def parent(self) -> dict:
        return {"version": self.version}

    def perform(self, form):
        return services.step_create(
            version=self.version, user=self.request.user, **form.cleaned_data
        )


class StepRecordMixin(RouteWriteMixin):
    record_kwarg = "step"

    def records(self):
        return self.version.steps.select_related("municipality")


class StepUpdateView(StepRecordMixin, ServiceUpdateView):
    """The step's body, dates and note while no outcome is recorded."""

    form_class = forms.StepForm
    heading = gettext_lazy("Change decision step")
    lead = gettext_lazy(
        "A step can be changed as long as no outcome is recorded. Its dates must stay in the "
        "order of the route."
    )
    done = gettext_lazy("The step has been changed.")

    def perform(self, form):
        return services.step_update(step=self.record, user=self.request.user, **form.cleaned_data)


class StepDeleteView(StepRecordMixin, ServiceDeleteView):
    lead = gettext_lazy("Only a step without outcome and without papers can be deleted.")

    def perform(self, form):
        services.step_delete(step=self.record, user=self.request.user)


class PaperDeleteView(RouteWriteMixin, ServiceDeleteView):
    record_kwarg = "paper"
    lead = gettext_lazy("Only a paper of a step without outcome can be deleted.")

    def records(self):
        return DecisionPaper.objects.filter(step__version=self.version).select_related("step")

    def perform(self, form):
        services.paper_delete(paper=self.record, user=self.request.user)


class StepMixin(RouteFormView):
    """A form about the step ``kwargs["step"]`` of the version."""

    @cached_property
    def step(self) -> DecisionStep:
        return get_object_or_404(self.version.steps, pk=self.kwargs["step"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("framework")
        return kwargs


class OutcomeView(StepMixin):
    form_class = forms.OutcomeForm
    done = gettext_lazy("The outcome has been recorded.")

    @property
    def heading(self):
        return _("Outcome of %(step)s") % {"step": self.step}

    @property
    def lead(self):
        return _(
            "What the body decided, and the date it met. “Sent back” takes the version back to "
            "draft; when every step of a proposed version agreed, the version is adopted."
        )

    def get_initial(self):
        return {"held_on": self.step.held_on, "note": self.step.note}

    def perform(self, form):
        return services.step_record_outcome(
            step=self.step, user=self.request.user, **form.cleaned_data
        )


class PaperUploadView(StepMixin):
    form_class = forms.PaperForm
    multipart = True
    done = gettext_lazy("The paper has been uploaded.")

    @property
    def heading(self):
        return _("New paper for %(step)s") % {"step": self.step}

    def perform(self, form):
        data = form.cleaned_data
        return services.paper_upload(
            step=self.step, user=self.request.user, title=data["title"], uploaded_file=data["file"]
        )


class PaperDownloadView(VersionMixin, View):
    """The paper as a download (never shown inline), for whoever sees its version's route."""

    permission_required = VIEW

    def get(self, request, *args, **kwargs):
        papers = DecisionPaper.objects.filter(step__version=self.version)
        paper = get_object_or_404(papers, pk=self.kwargs["paper"])
        extension = next(
            t.extensions[0] for t in services.PAPER_TYPES if t.content_type == paper.content_type
        )
        response = FileResponse(
            paper.file.open("rb"),
            as_attachment=True,
            filename=f"{paper.title}{extension}",
            content_type=paper.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


VERSION = "<int:pk>/besluitvorming/<int:version>/"
routes = [
    path("<int:pk>/besluitvorming/", RouteView.as_view(), name="route"),
    path(VERSION, VersionRouteView.as_view(), name="route_version"),
    path(f"{VERSION}stappen/nieuw/", StepCreateView.as_view(), name="step_create"),
    path(f"{VERSION}stappen/<int:step>/uitkomst/", OutcomeView.as_view(), name="step_outcome"),
    path(
        f"{VERSION}stappen/<int:step>/stukken/nieuw/",
        PaperUploadView.as_view(),
        name="paper_upload",
    ),
    path(f"{VERSION}stukken/<int:paper>/", PaperDownloadView.as_view(), name="paper_download"),
    path(f"{VERSION}stappen/<int:step>/wijzigen/", StepUpdateView.as_view(), name="step_update"),
    path(f"{VERSION}stappen/<int:step>/verwijderen/", StepDeleteView.as_view(), name="step_delete"),
    path(
        f"{VERSION}stukken/<int:paper>/verwijderen/",
        PaperDeleteView.as_view(),
        name="paper_delete",
    ),
]
