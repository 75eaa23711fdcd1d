"""What the API of the participation plan, the decision route and the project plan shares: the
caller's region's frameworks, and the viewset shape (lists and reads filtered to that region;
creation, changes (PATCH) and deletion through the part's services)."""

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
    """Subclasses give ``base_queryset()`` (all rows, with what they show), ``create_with`` (the
    service, called with the validated data and ``user``) and ``update_with`` (called with the
    record as ``record_name``, ``user`` and every writable field: those sent, the others as they
    stand — a PATCH). A record does not move to another framework or version: those are left
    out of a change."""

    framework_path = "framework"
    record_name = ""
    #: Fields fixed at creation.
    fixed = ("framework", "version")

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

    def partial_update(self, request, *args, **kwargs):
        record = self.get_object()
        serializer = self.get_serializer(record, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        self.update_with(**{self.record_name: record}, user=request.user, **changes(serializer))
        return self.shown(record)


def changes(serializer) -> dict:
    """Every writable field of ``serializer``'s record: as sent, or else as it stands."""
    record, sent = serializer.instance, serializer.validated_data
    data = {}
    for name, field in serializer.fields.items():
        if field.read_only or name in ProcessViewSet.fixed:
            continue
        if name in sent:
            data[name] = sent[name]
            continue
        value = getattr(record, field.source)
        data[name] = list(value.all()) if hasattr(value, "all") else value
    return data


class DeletableMixin(mixins.DestroyModelMixin):
    """DELETE through ``delete_with`` (called with the record as ``record_name`` and ``user``);
    a record others depend on is refused (400, code ``protected``)."""

    def perform_destroy(self, instance):
        self.delete_with(**{self.record_name: instance}, user=self.request.user)
