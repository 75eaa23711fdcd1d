import django_filters

from onderdak.region.models import Organisation, OrganisationKind


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices)
    is_active = django_filters.BooleanFilter()
    municipality = django_filters.CharFilter(field_name="municipality__cbs_code")

    class Meta:
        model = Organisation
        fields = ["kind", "is_active", "municipality"]
