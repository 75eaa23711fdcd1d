"""What the API of the participation plan, the decision route and the project plan shares: the
caller's region's frameworks, and the viewset shape (lists and reads filtered to that region,
creation through the part's service)."""

from django.utils.functional import cached_property
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.framework.models import Framework


class FrameworkField(serializers.PrimaryKeyRelatedField):
    """A framework of the caller's region (another is "does not exist")."""

    def get_queryset(self):
        return Framework.objects.filter(region=region_for_user(self.context["request"].user))


class ProcessViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Subclasses give ``base_queryset()`` (all rows, with what they show) and ``create_with``
    (the service, called with the validated data and ``user``)."""

    framework_path = "framework"

    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def base_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        model = self.get_serializer_class().Meta.model
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return model.objects.none()
        return self.base_queryset().filter(**{f"{self.framework_path}__region": self.region})

    def perform_create(self, serializer):
        serializer.instance = self.create_with(user=self.request.user, **serializer.validated_data)

    def shown(self, instance) -> Response:
        """The fresh row as the list shows it."""
        return Response(self.get_serializer(self.get_queryset().get(pk=instance.pk)).data)
