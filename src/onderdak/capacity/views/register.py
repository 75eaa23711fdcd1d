"""What the register's pages share: the user's region, and the facility a page is about."""

from django.utils.functional import cached_property

from onderdak.accounts.selectors import region_for_user
from onderdak.capacity.models import Facility
from onderdak.capacity.selectors import facilities as selectors
from onderdak.core.views import RulesPermissionMixin


class RegisterMixin(RulesPermissionMixin):
    @cached_property
    def region(self):
        return region_for_user(self.request.user)


class FacilityMixin(RegisterMixin):
    """A page about the facility ``kwargs["pk"]``, found among those the user sees (another is
    "not found")."""

    permission_required = "capacity.view_facility"

    @cached_property
    def facility(self) -> Facility:
        return selectors.facility_or_404(
            user=self.request.user, region=self.region, pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(facility=self.facility, **kwargs)
