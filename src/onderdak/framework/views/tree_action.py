"""An action's page in the working copy: its facts, its monitor indicators with their targets,
and the comments and proposed changes of the municipality that owns it, with the editors' answers.

Editors link indicators and answer comments; a municipality officer comments on the actions their
municipality owns (another action: 403). Every write is a service call.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from onderdak.core.views import ServiceFormMixin
from onderdak.framework.forms.tree import AnswerForm, CommentForm, IndicatorForm
from onderdak.framework.models import ActionIndicator, Framework
from onderdak.framework.selectors import visibility
from onderdak.framework.selectors.tree import action_detail
from onderdak.framework.services import comments as comment_services
from onderdak.framework.services import tree as services
from onderdak.framework.views.base import RegionMixin
from onderdak.framework.views.presentation import ItemUrls
from onderdak.monitor.selectors.indicators import region_catalogue

WORKING_COPY = "framework.view_workingcopy"
CHANGE = "framework.change_framework"


class ActionMixin(RegionMixin):
    permission_required = WORKING_COPY

    @cached_property
    def action(self):
        actions = visibility.visible_actions(user=self.request.user, region=self.region)
        return action_detail(actions, self.kwargs["pk"])

    @cached_property
    def framework(self) -> Framework:
        return self.action.ambition.theme.framework

    def action_url(self) -> str:
        return reverse("framework:action_detail", args=[self.action.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.action, framework=self.framework, **kwargs)


class ActionDetailView(ActionMixin, TemplateView):
    template_name = "framework/tree_action.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        names = {i.code: i.name for i in region_catalogue(region=self.framework.region)}
        return super().get_context_data(
            indicators=[
                (i, names.get(i.indicator_code, i.indicator_code))
                for i in self.action.indicators.all()
            ],
            may_edit=user.has_perm(CHANGE),
            links=ItemUrls("action")(self.action.pk),
            may_comment=user.has_perm("framework.comment_action", self.action),
            may_answer=user.has_perm("framework.answer_comment"),
            comment_form=CommentForm(),
            **kwargs,
        )


class CommentCreateView(ActionMixin, ServiceFormMixin, FormView):
    permission_required = "framework.comment_action"
    template_name = "framework/tree_comment_form.html"
    form_class = CommentForm

    def dispatch(self, request, *args, **kwargs):
        """The role may comment at all (the mixin); on this action only when its municipality
        owns it."""
        user = request.user
        if (
            user.is_authenticated
            and self.has_permission()
            and not user.has_perm("framework.comment_action", self.action)
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form):
        return comment_services.comment_create(
            user=self.request.user, action=self.action, **form.cleaned_data
        )

    def get_success_url(self):
        messages.success(self.request, _("Your comment has been saved."))
        return self.action_url() + "#opmerkingen"


class CommentAnswerView(ActionMixin, ServiceFormMixin, FormView):
    permission_required = "framework.answer_comment"
    template_name = "framework/tree_comment_form.html"
    form_class = AnswerForm

    @cached_property
    def comment(self):
        comments = visibility.visible_comments(user=self.request.user, region=self.region)
        return get_object_or_404(comments.select_related("author"), pk=self.kwargs["pk"])

    @cached_property
    def action(self):
        actions = visibility.visible_actions(user=self.request.user, region=self.region)
        return action_detail(actions, self.comment.action_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(comment=self.comment, **kwargs)

    def perform(self, form):
        return comment_services.comment_answer(
            user=self.request.user, comment=self.comment, **form.cleaned_data
        )

    def get_success_url(self):
        messages.success(self.request, _("The answer has been saved."))
        return self.action_url() + "#opmerkingen"


class IndicatorSetView(ActionMixin, ServiceFormMixin, FormView):
    """Links a monitor indicator with its targets (``?code=`` changes a linked one's targets)."""

    permission_required = CHANGE
    template_name = "framework/tree_indicator_form.html"

    @cached_property
    def catalogue(self):
        return region_catalogue(region=self.framework.region)

    def get_form(self, form_class=None):
        return IndicatorForm(
            framework=self.framework, catalogue=self.catalogue, **self.get_form_kwargs()
        )

    def get_initial(self):
        code = self.request.GET.get("code", "")
        linked = next((i for i in self.action.indicators.all() if i.indicator_code == code), None)
        if linked is None:
            return {}
        return {"code": code, **{f"target_{t.year}": t.value for t in linked.targets.all()}}

    def perform(self, form):
        return services.indicator_set(
            user=self.request.user,
            action=self.action,
            code=form.cleaned_data["code"],
            targets=form.targets(),
            known_codes={i.code for i in self.catalogue},
        )

    def get_success_url(self):
        messages.success(self.request, _("The indicator and its targets have been saved."))
        return self.action_url() + "#indicatoren"


class IndicatorRemoveView(RegionMixin, View):
    permission_required = CHANGE
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        actions = visibility.visible_actions(user=request.user, region=self.region)
        indicator = get_object_or_404(
            ActionIndicator.objects.filter(action__in=actions), pk=kwargs["pk"]
        )
        services.indicator_remove(user=request.user, indicator=indicator)
        messages.success(request, _("The indicator has been unlinked."))
        return HttpResponseRedirect(
            reverse("framework:action_detail", args=[indicator.action_id]) + "#indicatoren"
        )


routes = [
    path("actie/<int:pk>/", ActionDetailView.as_view(), name="action_detail"),
    path("actie/<int:pk>/opmerking/", CommentCreateView.as_view(), name="comment_create"),
    path("opmerking/<int:pk>/antwoord/", CommentAnswerView.as_view(), name="comment_answer"),
    path("actie/<int:pk>/indicator/", IndicatorSetView.as_view(), name="indicator_set"),
    path("indicator/<int:pk>/ontkoppelen/", IndicatorRemoveView.as_view(), name="indicator_remove"),
]
