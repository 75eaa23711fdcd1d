"""Pages of the framework's working copy: the tree (themes → ambitions → actions) with its forms
to add, change, delete and move items. An action's page (``views.tree_action``) and the matrix
(``views.matrix``) add their routes here.

Editors (the project leader and the programme team) change the tree; municipality officers read it
and comment on the actions their municipality owns; governance readers do not see the working copy.
Every write is a service call (``services.tree``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import Promise, cached_property
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from onderdak.core.errors import DomainError
from onderdak.core.views import ServiceFormMixin
from onderdak.framework.forms.tree import (
    ActionForm,
    AmbitionForm,
    ItemForm,
    owner_value,
)
from onderdak.framework.models import Framework
from onderdak.framework.selectors import visibility
from onderdak.framework.selectors.tree import TreeAction, TreeTheme, framework_tree
from onderdak.framework.services import tree as services
from onderdak.framework.views import matrix, tree_action
from onderdak.framework.views.base import FrameworkMixin, RegionMixin
from onderdak.framework.views.presentation import ItemUrls, PkUrl

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
            themes=linked_tree(framework_tree(self.framework)),
            may_edit=self.request.user.has_perm(CHANGE),
            **kwargs,
        )


def linked_tree(themes: list[TreeTheme]) -> list[TreeTheme]:
    """The tree with every theme's and ambition's links and the ambitions' actions as list items,
    each URL reversed once."""
    theme_urls, ambition_urls = ItemUrls("theme", "ambition"), ItemUrls("ambition", "action")
    action_url, no_level = PkUrl("framework:action_detail"), _("no level yet")
    for theme in themes:
        theme.links = theme_urls(theme.pk)
        for ambition in theme.ambitions:
            ambition.links = ambition_urls(ambition.pk)
            ambition.action_items = action_items(ambition.actions, action_url, no_level)
    return themes


def action_items(actions: list[TreeAction], url: PkUrl, no_level: str) -> str:
    """The actions as ``<li>`` items, written in Python: a template loop over 500 actions costs
    tens of milliseconds (docs/decisions/0009-rendering-speed.md)."""
    return format_html_join(
        "\n",
        '<li id="action-{}"><a class="utrecht-link" href="{}">{}</a> — {}{}</li>',
        (
            (a.pk, url(a.pk), a.title, a.level_label or no_level, f", {a.owner}" if a.owner else "")
            for a in actions
        ),
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


routes = [
    path("<int:pk>/boom/", TreeView.as_view(), name="tree"),
    *item_routes(THEME, "thema", "<int:pk>/thema"),
    *item_routes(AMBITION, "ambitie", "thema/<int:pk>/ambitie"),
    *item_routes(ACTION, "actie", "ambitie/<int:pk>/actie"),
    *tree_action.routes,
    *matrix.routes,
]
