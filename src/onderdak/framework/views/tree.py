"""Pages of the framework's working copy: the tree (themes → ambitions → actions) with its forms
to add, change, delete and move items, an action's page with its indicators and comments, and the
matrix of themes by level.

Editors (the project leader and the programme team) change the tree; municipality officers read it
and comment on the actions their municipality owns; governance readers do not see the working copy.
Every write is a service call (``services.tree``, ``services.comments``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from onderdak.core import exports
from onderdak.core.errors import DomainError
from onderdak.core.views import ServiceFormMixin
from onderdak.framework.forms.tree import (
    ActionForm,
    AmbitionForm,
    AnswerForm,
    CommentForm,
    IndicatorForm,
    ItemForm,
    owner_value,
)
from onderdak.framework.models import ActionIndicator, Framework
from onderdak.framework.selectors import matrix as matrix_selectors
from onderdak.framework.selectors import visibility
from onderdak.framework.selectors.tree import action_detail, framework_tree
from onderdak.framework.services import comments as comment_services
from onderdak.framework.services import tree as services
from onderdak.framework.views.base import FrameworkMixin, RegionMixin
from onderdak.monitor.selectors.indicators import region_catalogue
from onderdak.region.models import Level

WORKING_COPY = "framework.view_workingcopy"
CHANGE = "framework.change_framework"


def tree_url(framework: Framework, item=None) -> str:
    anchor = f"#{type(item).__name__.lower()}-{item.pk}" if item is not None else ""
    return reverse("framework:tree", args=[framework.pk]) + anchor


# --- The tree ------------------------------------------------------------------------------------


class TreeView(FrameworkMixin, TemplateView):
    permission_required = WORKING_COPY
    template_name = "framework/tree.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            themes=framework_tree(self.framework),
            may_edit=self.request.user.has_perm(CHANGE),
            **kwargs,
        )


# --- Items: created, changed, deleted, moved -----------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """What the item pages need to know about a theme, an ambition or an action."""

    name: str
    label: Promise
    items: Callable  # visibility.visible_<kind>s
    parents: Callable  # the parents' visibility selector
    form: type
    create: Callable
    update: Callable


THEME = Kind(
    "theme",
    gettext_lazy("theme"),
    visibility.visible_themes,
    visibility.visible_frameworks,
    ItemForm,
    services.theme_create,
    services.theme_update,
)
AMBITION = Kind(
    "ambition",
    gettext_lazy("ambition"),
    visibility.visible_ambitions,
    visibility.visible_themes,
    AmbitionForm,
    services.ambition_create,
    services.ambition_update,
)
ACTION = Kind(
    "action",
    gettext_lazy("action"),
    visibility.visible_actions,
    visibility.visible_ambitions,
    ActionForm,
    services.action_create,
    services.action_update,
)


class ItemFormMixin(RegionMixin, ServiceFormMixin):
    permission_required = CHANGE
    template_name = "framework/tree_item_form.html"
    kind: Kind = THEME  # set per route (item_routes)

    def get_form_class(self):
        return self.kind.form

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "framework": self.framework}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kind=self.kind, framework=self.framework, cancel_url=tree_url(self.framework), **kwargs
        )

    def get_success_url(self):
        messages.success(
            self.request, _("The %(kind)s has been saved.") % {"kind": self.kind.label}
        )
        return tree_url(self.framework, self.object)


class ItemCreateView(ItemFormMixin, FormView):
    @cached_property
    def parent(self):
        parents = self.kind.parents(user=self.request.user, region=self.region)
        return get_object_or_404(parents, pk=self.kwargs["pk"])

    @cached_property
    def framework(self) -> Framework:
        parent = self.parent
        return parent if isinstance(parent, Framework) else services.framework_of(parent)

    def get_initial(self):
        return {} if self.kind is THEME else {type(self.parent).__name__.lower(): self.parent}

    def perform(self, form):
        parent = {"framework": self.parent} if self.kind is THEME else {}
        return self.kind.create(user=self.request.user, **parent, **form.to_service())


class ItemMixin(RegionMixin):
    permission_required = CHANGE
    kind: Kind = THEME  # set per route (item_routes)

    @cached_property
    def item(self):
        items = self.kind.items(user=self.request.user, region=self.region)
        return get_object_or_404(items, pk=self.kwargs["pk"])

    @cached_property
    def framework(self) -> Framework:
        return services.framework_of(self.item)


class ItemUpdateView(ItemMixin, ItemFormMixin, FormView):
    def get_initial(self):
        item = self.item
        initial = {"title": item.title, "description": item.description}
        if self.kind is AMBITION:
            initial["theme"] = item.theme
        if self.kind is ACTION:
            initial |= {
                name: getattr(item, name)
                for name in ("ambition", "level", "starts_on", "ends_on", "status")
            }
            initial |= {
                "owner": owner_value(item),
                "partners": list(item.partners.all()),
                "policy_domains": list(item.policy_domains.all()),
            }
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def perform(self, form):
        return self.kind.update(
            user=self.request.user, **{self.kind.name: self.item}, **form.to_service()
        )


class ItemDeleteView(ItemMixin, TemplateView):
    """Asks first; deleting a theme or ambition deletes everything under it."""

    template_name = "framework/tree_item_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kind=self.kind, item=self.item, framework=self.framework, **kwargs
        )

    def post(self, request, *args, **kwargs):
        services.item_delete(user=request.user, item=self.item)
        messages.success(request, _("The %(kind)s has been deleted.") % {"kind": self.kind.label})
        return HttpResponseRedirect(tree_url(self.framework))


class ItemMoveView(ItemMixin, View):
    """Moves the item one place up (``richting=omhoog``) or down among its siblings."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            services.item_move(
                user=request.user, item=self.item, up=request.POST.get("richting") == "omhoog"
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        return HttpResponseRedirect(tree_url(self.framework, self.item))


def item_routes(kind: Kind, prefix: str, parent_prefix: str) -> list:
    views = {"kind": kind}
    return [
        path(
            f"{parent_prefix}/nieuw/", ItemCreateView.as_view(**views), name=f"{kind.name}_create"
        ),
        path(
            f"{prefix}/<int:pk>/wijzigen/",
            ItemUpdateView.as_view(**views),
            name=f"{kind.name}_update",
        ),
        path(
            f"{prefix}/<int:pk>/verwijderen/",
            ItemDeleteView.as_view(**views),
            name=f"{kind.name}_delete",
        ),
        path(
            f"{prefix}/<int:pk>/verplaatsen/",
            ItemMoveView.as_view(**views),
            name=f"{kind.name}_move",
        ),
    ]


# --- An action, its indicators and comments ------------------------------------------------------


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


# --- The matrix ----------------------------------------------------------------------------------


def matrix_columns() -> list[str]:
    return [*(str(label) for _value, label in Level.choices), _("No level")]


class MatrixView(FrameworkMixin, TemplateView):
    permission_required = WORKING_COPY
    template_name = "framework/matrix.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            matrix=matrix_selectors.framework_matrix(self.framework),
            columns=matrix_columns(),
            **kwargs,
        )


class MatrixExportView(FrameworkMixin, View):
    """The matrix and its flags as an Excel workbook."""

    permission_required = WORKING_COPY

    def get(self, request, *args, **kwargs):
        matrix = matrix_selectors.framework_matrix(self.framework)
        return exports.xlsx_response(
            filename=_("framework matrix"),
            title=str(self.framework),
            label=_("Framework: the actions of the working copy by theme and level."),
            sheets=[matrix_sheet(matrix), flags_sheet(matrix)],
        )


def _cell(actions) -> str:
    return "\n".join(f"{a.title} ({a.owner or _('no owner')})" for a in actions)


def matrix_sheet(matrix) -> exports.Sheet:
    rows = [(row.theme.title, *(_cell(cell) for cell in row.cells)) for row in matrix.rows]
    return exports.Sheet(_("Matrix"), [_("Theme"), *matrix_columns()], rows)


def flags_sheet(matrix) -> exports.Sheet:
    flagged = [
        *((_("without a level"), a) for a in matrix.without_level),
        *((_("without an owner"), a) for a in matrix.without_owner),
        *((_("owner does not fit the level"), a) for a in matrix.owner_mismatch),
        *((_("same task at two levels"), a) for group in matrix.claimed_twice for a in group),
    ]
    rows = [(flag, a.title, a.level_label, a.owner) for flag, a in flagged]
    return exports.Sheet(_("Flags"), [_("Flag"), _("Action"), _("Level"), _("Owner")], rows)


routes = [
    path("<int:pk>/boom/", TreeView.as_view(), name="tree"),
    *item_routes(THEME, "thema", "<int:pk>/thema"),
    *item_routes(AMBITION, "ambitie", "thema/<int:pk>/ambitie"),
    *item_routes(ACTION, "actie", "ambitie/<int:pk>/actie"),
    path("actie/<int:pk>/", ActionDetailView.as_view(), name="action_detail"),
    path("actie/<int:pk>/opmerking/", CommentCreateView.as_view(), name="comment_create"),
    path(
        "opmerking/<int:pk>/antwoord/",
        CommentAnswerView.as_view(),
        name="comment_answer",
    ),
    path("actie/<int:pk>/indicator/", IndicatorSetView.as_view(), name="indicator_set"),
    path("indicator/<int:pk>/ontkoppelen/", IndicatorRemoveView.as_view(), name="indicator_remove"),
    path("<int:pk>/matrix/", MatrixView.as_view(), name="matrix"),
    path("<int:pk>/matrix/excel/", MatrixExportView.as_view(), name="matrix_export"),
]
