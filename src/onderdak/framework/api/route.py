"""API of the decision route: ``framework-decision-steps``, the steps of the versions the caller
sees (governance readers: the versions put to them), filtered by ``version``; editors add a step
(after the version's last), change (PATCH) or delete one while it has no outcome (409 after),
and ``POST …/record-outcome/`` (``services.route``)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action

from onderdak.framework.api.process import DeletableMixin, ProcessViewSet
from onderdak.framework.models import DecisionStep, FrameworkVersion, Outcome, VersionStatus
from onderdak.framework.services import route as services

VIEW = "framework.view_decisionstep"
CHANGE = "framework.change_decisionstep"


class FrameworkPaperSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()


class FrameworkDecisionStepSerializer(serializers.ModelSerializer):
    version = serializers.PrimaryKeyRelatedField(queryset=FrameworkVersion.objects.all())
    papers = FrameworkPaperSerializer(many=True, read_only=True)

    class Meta:
        model = DecisionStep
        fields = [
            "id",
            "version",
            "position",
            "body",
            "municipality",
            "planned_on",
            "held_on",
            "outcome",
            "note",
            "papers",
        ]
        read_only_fields = ["position", "outcome"]


class FrameworkOutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=[c for c in Outcome.choices if c[0] != Outcome.PENDING]
    )
    held_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True)


class FrameworkDecisionStepViewSet(DeletableMixin, ProcessViewSet):
    serializer_class = FrameworkDecisionStepSerializer
    filterset_fields = ["version", "body", "outcome"]
    framework_path = "version__framework"
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": CHANGE,
        "partial_update": CHANGE,
        "destroy": CHANGE,
        "record_outcome": CHANGE,
    }
    create_with = staticmethod(services.step_create)
    record_name = "step"
    update_with = staticmethod(services.step_update)
    delete_with = staticmethod(services.step_delete)

    def base_queryset(self):
        steps = DecisionStep.objects.prefetch_related("papers").order_by("version", "position")
        if not self.request.user.has_perm("framework.view_workingcopy"):
            steps = steps.exclude(version__status=VersionStatus.DRAFT)
        return steps

    def perform_create(self, serializer):
        version = serializer.validated_data["version"]
        if version.framework.region_id != self.region.pk:
            raise serializers.ValidationError({"version": [_("Choose a version of your region.")]})
        super().perform_create(serializer)

    @extend_schema(request=FrameworkOutcomeSerializer, responses=FrameworkDecisionStepSerializer)
    @action(detail=True, methods=["post"], url_path="record-outcome")
    def record_outcome(self, request, pk=None):
        """Record the body's decision; "sent back" takes the version back to draft, and the last
        agreement on a proposed version adopts it. 409 when the version is not before the
        bodies (in consultation or proposed)."""
        body = FrameworkOutcomeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        step = services.step_record_outcome(
            step=self.get_object(), user=request.user, **body.validated_data
        )
        return self.shown(step)


def register(router) -> None:
    """Adds this part's viewsets to the module's router."""
    router.register(
        "framework-decision-steps",
        FrameworkDecisionStepViewSet,
        basename="framework-decision-step",
    )
