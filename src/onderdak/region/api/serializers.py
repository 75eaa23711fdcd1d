from rest_framework import serializers

from onderdak.region.models import (
    GovernanceBody,
    GovernanceRole,
    Municipality,
    Organisation,
    OrganisationKind,
    PopulationFigure,
    Subregion,
)


class SubregionSerializer(serializers.ModelSerializer):
    municipalities = serializers.SlugRelatedField(many=True, read_only=True, slug_field="cbs_code")

    class Meta:
        model = Subregion
        fields = ["id", "name", "slug", "colour", "municipalities"]


#: Fixed bounds, so the schema is the same on every database (SQLite would say 2**63 - 1).
MAX_POPULATION = 2_147_483_647
MAX_SEATS = 32_767


class PopulationFigureSerializer(serializers.ModelSerializer):
    population = serializers.IntegerField(min_value=1, max_value=MAX_POPULATION)

    class Meta:
        model = PopulationFigure
        fields = ["id", "reference_date", "population", "source_url", "source_note"]


class MunicipalitySerializer(serializers.ModelSerializer):
    subregion = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    population = serializers.IntegerField(read_only=True, allow_null=True)
    population_date = serializers.DateField(read_only=True, allow_null=True)
    population_source = serializers.URLField(read_only=True, allow_null=True)

    class Meta:
        model = Municipality
        fields = [
            "id",
            "cbs_code",
            "name",
            "subregion",
            "population",
            "population_date",
            "population_source",
        ]


class MunicipalityDetailSerializer(MunicipalitySerializer):
    population_figures = PopulationFigureSerializer(many=True, read_only=True)
    boundary = serializers.JSONField(read_only=True)

    class Meta(MunicipalitySerializer.Meta):
        fields = [*MunicipalitySerializer.Meta.fields, "population_figures", "boundary"]


class OrganisationSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)
    municipality = serializers.SlugRelatedField(
        slug_field="cbs_code",
        queryset=Municipality.objects.all(),
        allow_null=True,
        required=False,
    )

    class Meta:
        model = Organisation
        fields = ["id", "name", "kind", "municipality", "website", "is_active"]
        read_only_fields = ["id"]
        validators = []  # uniqueness within the region is checked by the service


class GovernanceRoleSerializer(serializers.ModelSerializer):
    seats = serializers.IntegerField(min_value=0, max_value=MAX_SEATS, allow_null=True)

    class Meta:
        model = GovernanceRole
        fields = ["title", "description", "seats"]


class GovernanceBodySerializer(serializers.ModelSerializer):
    roles = GovernanceRoleSerializer(many=True, read_only=True)

    class Meta:
        model = GovernanceBody
        fields = ["id", "name", "short_name", "level", "mandate", "roles"]
