"""What the framework's pages share: the user's region and the framework a page is about, found
among those the user may see (another one is "not found")."""

from django.utils.functional import cached_property

from onderdak.accounts.selectors import region_for_user
from onderdak.core.views import RulesPermissionMixin
from onderdak.framework.models import Framework
from onderdak.framework.selectors import visibility


class RegionMixin(RulesPermissionMixin):
    @cached_property
    def region(self):
        return region_for_user(self.request.user)


class FrameworkMixin(RegionMixin):
    """A page about the framework ``kwargs["pk"]``."""

    permission_required = "framework.view_framework"

    @cached_property
    def framework(self) -> Framework:
        return visibility.framework_or_404(
            user=self.request.user, region=self.region, pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(framework=self.framework, **kwargs)
