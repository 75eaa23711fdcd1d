"""The framework's documents: the current state ("stand van zaken"), the print view and the Word
export of the working copy and of a version.

Editors and municipality officers read the working copy (``framework.view_workingcopy``); a
governance reader prints and exports only the versions put to them
(``framework.view_frameworkversion`` with the version: never a draft). Frameworks and versions
are found within the user's region.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.views.generic import TemplateView, View

from onderdak.accounts.selectors import region_for_user
from onderdak.core.exports import safe_filename
from onderdak.core.views import RulesPermissionMixin
from onderdak.framework.documents.document import (
    Document,
    version_document,
    working_copy_document,
)
from onderdak.framework.documents.word import CONTENT_TYPE, word_document
from onderdak.framework.models import Framework, FrameworkVersion
from onderdak.framework.selectors.current_state import current_state

WORKING_COPY = "framework.view_workingcopy"
VERSION = "framework.view_frameworkversion"


class FrameworkMixin(RulesPermissionMixin):
    """A page about one framework of the user's region (``pk`` in the path)."""

    permission_required = WORKING_COPY

    @cached_property
    def framework(self) -> Framework:
        region = region_for_user(self.request.user)
        found = (
            Framework.objects.filter(region=region, pk=self.kwargs["pk"])
            .select_related("region")
            .first()
        )
        if found is None:
            raise Http404
        return found

    def get_context_data(self, **kwargs):
        return super().get_context_data(framework=self.framework, **kwargs)


class CurrentStateView(FrameworkMixin, TemplateView):
    template_name = "framework/current_state.html"

    def get_context_data(self, **kwargs):
        sections = current_state(region=self.framework.region, user=self.request.user)
        return super().get_context_data(sections=sections, **kwargs)


class PrintView(FrameworkMixin, TemplateView):
    """The working copy's document as one page laid out for A4 paper."""

    template_name = "framework/print.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            document=working_copy_document(framework=self.framework, user=self.request.user),
            export_url=reverse("framework:export", args=[self.framework.pk]),
            **kwargs,
        )


def word_response(document: Document) -> HttpResponse:
    """The document as a .docx download, never cached (it holds the day's input)."""
    response = HttpResponse(word_document(document), content_type=CONTENT_TYPE)
    name = safe_filename(f"{document.title} {document.period} {document.edition}", "docx")
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


class ExportView(FrameworkMixin, View):
    """The working copy as a Word document."""

    def get(self, request, *args, **kwargs):
        return word_response(working_copy_document(framework=self.framework, user=request.user))


class VersionMixin(RulesPermissionMixin):
    """A page about one version (``pk`` in the path) of a framework of the user's region, for a
    reader of that version."""

    permission_required = VERSION

    @cached_property
    def version(self) -> FrameworkVersion:
        region = region_for_user(self.request.user)
        found = (
            FrameworkVersion.objects.filter(framework__region=region, pk=self.kwargs["pk"])
            .select_related("framework__region")
            .first()
        )
        if found is None:
            raise Http404
        if not self.request.user.has_perm(VERSION, found):
            raise PermissionDenied
        return found


class VersionPrintView(VersionMixin, TemplateView):
    """A version's document as one page laid out for A4 paper, from its frozen content."""

    template_name = "framework/print.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            framework=self.version.framework,
            document=version_document(version=self.version, user=self.request.user),
            export_url=reverse("framework:version_export", args=[self.version.pk]),
            **kwargs,
        )


class VersionExportView(VersionMixin, View):
    """A version as a Word document, from its frozen content."""

    def get(self, request, *args, **kwargs):
        return word_response(version_document(version=self.version, user=request.user))


#: URL patterns of this part, collected by ``onderdak.framework.urls``.
routes: list = [
    path("<int:pk>/stand-van-zaken/", CurrentStateView.as_view(), name="current_state"),
    path("<int:pk>/afdrukken/", PrintView.as_view(), name="print"),
    path("<int:pk>/export.docx", ExportView.as_view(), name="export"),
    path("versie/<int:pk>/afdrukken/", VersionPrintView.as_view(), name="version_print"),
    path("versie/<int:pk>/export.docx", VersionExportView.as_view(), name="version_export"),
]
