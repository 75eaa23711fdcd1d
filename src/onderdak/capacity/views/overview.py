"""``/capaciteit/``: what needs the user first in the capacity module (DESIGN.md §3a), and a link
to every capacity page they may use."""

from django.urls import path
from django.views.generic import TemplateView

from onderdak.capacity.selectors import plans_overview as selectors
from onderdak.capacity.views.plans import CapacityMixin


class OverviewView(CapacityMixin, TemplateView):
    permission_required = "capacity.view_overview"
    template_name = "capacity/overview.html"

    def get_context_data(self, **kwargs):
        overview = selectors.overview(user=self.request.user, region=self.region)
        return super().get_context_data(overview=overview, **kwargs)


#: URL patterns of this part, collected by ``onderdak.capacity.urls``.
routes: list = [path("", OverviewView.as_view(), name="overview")]
