"""Pages of the frameworks themselves: the region's frameworks, a framework's front page, making
and changing one; its versions (made from the working copy, put through the transition table) and
the comparison of two versions, or of a version and the working copy.

A governance reader sees the frameworks and the versions put to them, never the working copy.
The front page links to every part of the module through :data:`FRAMEWORK_PARTS`.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from onderdak.core.errors import DomainError
from onderdak.core.views import ServiceFormMixin
from onderdak.framework.forms.frameworks import FrameworkForm
from onderdak.framework.forms.tree import VersionForm
from onderdak.framework.selectors import visibility
from onderdak.framework.selectors.content import framework_content
from onderdak.framework.selectors.diff import content_diff
from onderdak.framework.selectors.tree import framework_versions, tree_counts
from onderdak.framework.services import frameworks as services
from onderdak.framework.services.versions import version_create, version_transition
from onderdak.framework.views.base import FrameworkMixin, RegionMixin
from onderdak.framework.views.presentation import shown_content, shown_diff
from onderdak.framework.workflows import VERSION_WORKFLOW

WORKING_COPY = "framework.view_workingcopy"
#: The word in the address for the working copy (``?van=werk``).
WORKING = "werk"


@dataclass(frozen=True)
class FrameworkPart:
    """A link on a framework's front page to one part of the module."""

    label: Promise
    url_name: str  # takes the framework's pk
    permission: str


#: The front page's links to every part of the module.
FRAMEWORK_PARTS: list[FrameworkPart] = [
    FrameworkPart(
        gettext_lazy("Tree: themes, ambitions and actions"), "framework:tree", WORKING_COPY
    ),
    FrameworkPart(gettext_lazy("Matrix: themes by level"), "framework:matrix", WORKING_COPY),
    FrameworkPart(
        gettext_lazy("Versions and comparison"),
        "framework:version_list",
        "framework.view_frameworkversion",
    ),
    FrameworkPart(
        gettext_lazy("Participation plan: stakeholders and sessions"),
        "framework:participation",
        "framework.view_participation",
    ),
    FrameworkPart(
        gettext_lazy("Input log and responses"),
        "framework:input_list",
        "framework.view_participation",
    ),
    FrameworkPart(gettext_lazy("Decision route"), "framework:route", "framework.view_decisionstep"),
    FrameworkPart(
        gettext_lazy("Project plan: phases, milestones and groups"),
        "framework:project_plan",
        "framework.view_project",
    ),
    FrameworkPart(
        gettext_lazy("Current state: the facts the framework starts from"),
        "framework:current_state",
        WORKING_COPY,
    ),
    FrameworkPart(gettext_lazy("Print view"), "framework:print", WORKING_COPY),
    FrameworkPart(
        gettext_lazy("Download as a Word document (.docx)"), "framework:export", WORKING_COPY
    ),
]


# --- Frameworks ----------------------------------------------------------------------------------


class FrameworkListView(RegionMixin, TemplateView):
    permission_required = "framework.view_framework"
    template_name = "framework/framework_list.html"

    def get_context_data(self, **kwargs):
        frameworks = visibility.visible_frameworks(user=self.request.user, region=self.region)
        return super().get_context_data(
            frameworks=frameworks.order_by("-first_year", "title"),
            may_add=self.request.user.has_perm("framework.add_framework"),
            **kwargs,
        )


class FrameworkDetailView(FrameworkMixin, TemplateView):
    template_name = "framework/framework_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        working_copy = user.has_perm(WORKING_COPY)
        parts = [
            (part.label, reverse(part.url_name, args=[self.framework.pk]))
            for part in FRAMEWORK_PARTS
            if user.has_perm(part.permission)
        ]
        return super().get_context_data(
            working_copy=working_copy,
            counts=tree_counts(self.framework) if working_copy else None,
            versions=framework_versions(self._versions()),
            parts=parts,
            may_change=user.has_perm("framework.change_framework"),
            **kwargs,
        )

    def _versions(self):
        versions = visibility.visible_versions(user=self.request.user, region=self.region)
        return versions.filter(framework=self.framework)


class FrameworkCreateView(RegionMixin, ServiceFormMixin, FormView):
    permission_required = "framework.add_framework"
    template_name = "framework/framework_form.html"
    form_class = FrameworkForm

    def perform(self, form):
        return services.framework_create(
            user=self.request.user, region=self.region, **form.cleaned_data
        )

    def get_success_url(self):
        messages.success(self.request, _("The framework has been saved."))
        return reverse("framework:framework_detail", args=[self.object.pk])


class FrameworkUpdateView(FrameworkMixin, FrameworkCreateView):
    permission_required = "framework.change_framework"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.framework}

    def perform(self, form):
        return services.framework_update(
            user=self.request.user, framework=self.framework, **form.cleaned_data
        )


# --- Versions ------------------------------------------------------------------------------------


class VersionListView(FrameworkMixin, TemplateView):
    permission_required = "framework.view_frameworkversion"
    template_name = "framework/version_list.html"

    def get_context_data(self, **kwargs):
        versions = visibility.visible_versions(user=self.request.user, region=self.region)
        listed = framework_versions(versions.filter(framework=self.framework))
        return super().get_context_data(
            versions=listed,
            may_add=self.request.user.has_perm("framework.add_frameworkversion"),
            form=kwargs.pop("form", None) or VersionForm(),
            compare_choices=compare_choices(self.request.user, listed),
            **kwargs,
        )


def compare_choices(user, versions) -> list[tuple[str, str]]:
    """What can be compared: the versions, and the working copy for who may see it."""
    choices = [(str(v.pk), version_label(v)) for v in versions]
    if user.has_perm(WORKING_COPY):
        choices.insert(0, (WORKING, _("the working copy")))
    return choices


def version_label(version) -> str:
    return _("version %(number)s (%(status)s)") % {
        "number": version.number,
        "status": version.get_status_display(),
    }


class VersionCreateView(FrameworkMixin, View):
    """Freezes the working copy as a new draft version."""

    permission_required = "framework.add_frameworkversion"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = VersionForm(request.POST)
        if not form.is_valid():  # the list again, with the form's errors
            page = VersionListView()
            page.setup(request, *args, **kwargs)
            return page.render_to_response(page.get_context_data(form=form))
        version = version_create(
            framework=self.framework, user=request.user, label=form.cleaned_data["label"]
        )
        messages.success(
            request, _("Version %(number)s has been made.") % {"number": version.number}
        )
        return HttpResponseRedirect(reverse("framework:version_detail", args=[version.pk]))


class VersionMixin(RegionMixin):
    permission_required = "framework.view_frameworkversion"

    @cached_property
    def version(self):
        return visibility.version_or_404(
            user=self.request.user, region=self.region, pk=self.kwargs["pk"]
        )


class VersionDetailView(VersionMixin, TemplateView):
    template_name = "framework/version_detail.html"

    def get_context_data(self, **kwargs):
        version = self.version
        return super().get_context_data(
            version=version,
            framework=version.framework,
            content=shown_content(version.content),
            transitions=steps_for(self.request.user, version),
            **kwargs,
        )


def steps_for(user, version) -> list:
    """The steps a user may take on the version here; ``adopt`` follows from the decision route."""
    return [t for t in VERSION_WORKFLOW.available(user, version) if t.action != "adopt"]


class VersionTransitionView(VersionMixin, View):
    """Takes a step (``stap``) of the version's transition table, for the revision the page
    showed (``revisie``): a version changed meanwhile is refused."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        step = request.POST.get("stap", "")
        if step not in {t.action for t in steps_for(request.user, self.version)}:
            raise PermissionDenied
        try:
            version = version_transition(
                version=self.version, action=step, expected_version=_revision(request)
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(
                request,
                _("The version's status is now: %(status)s.")
                % {"status": version.get_status_display()},
            )
        return HttpResponseRedirect(reverse("framework:version_detail", args=[self.version.pk]))


def _revision(request) -> int | None:
    value = request.POST.get("revisie", "")
    return int(value) if value.isdigit() else None


# --- The comparison ------------------------------------------------------------------------------


class DiffView(FrameworkMixin, TemplateView):
    """Compares two versions, or a version and the working copy (``?van=…&naar=…``)."""

    permission_required = "framework.view_frameworkversion"
    template_name = "framework/diff.html"

    def get_context_data(self, **kwargs):
        versions = framework_versions(self._versions())
        old_key = self.request.GET.get("van") or (str(versions[1].pk) if len(versions) > 1 else "")
        new_key = self.request.GET.get("naar") or (str(versions[0].pk) if versions else "")
        context = super().get_context_data(
            compare_choices=compare_choices(self.request.user, versions),
            old_key=old_key,
            new_key=new_key,
            **kwargs,
        )
        if old_key and new_key:
            old, context["old_label"] = self._content(old_key)
            new, context["new_label"] = self._content(new_key)
            context["diff"] = shown_diff(content_diff(old, new))
        return context

    def _versions(self):
        versions = visibility.visible_versions(user=self.request.user, region=self.region)
        return versions.filter(framework=self.framework)

    def _content(self, key: str) -> tuple[dict, str]:
        if key == WORKING and self.request.user.has_perm(WORKING_COPY):
            return framework_content(self.framework), _("the working copy")
        version = self._versions().filter(pk=int(key) if key.isdigit() else None).first()
        if version is None:
            raise Http404
        return version.content, version_label(version)


routes = [
    path("", FrameworkListView.as_view(), name="framework_list"),
    path("nieuw/", FrameworkCreateView.as_view(), name="framework_create"),
    path("<int:pk>/", FrameworkDetailView.as_view(), name="framework_detail"),
    path("<int:pk>/wijzigen/", FrameworkUpdateView.as_view(), name="framework_update"),
    path("<int:pk>/versies/", VersionListView.as_view(), name="version_list"),
    path("<int:pk>/versies/nieuw/", VersionCreateView.as_view(), name="version_create"),
    path("<int:pk>/vergelijk/", DiffView.as_view(), name="diff"),
    path("versie/<int:pk>/", VersionDetailView.as_view(), name="version_detail"),
    path("versie/<int:pk>/stap/", VersionTransitionView.as_view(), name="version_transition"),
]
