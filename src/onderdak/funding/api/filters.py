import django_filters

from onderdak.funding.models import FundingScenario


class FundingScenarioFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains")
    is_demo = django_filters.BooleanFilter()

    class Meta:
        model = FundingScenario
        fields = ["name", "is_demo"]
