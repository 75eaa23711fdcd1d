from django.urls import path

from onderdak.funding import views

app_name = "funding"
urlpatterns = [
    path("", views.ScenarioListView.as_view(), name="scenario_list"),
    path("nieuw/", views.ScenarioCreateView.as_view(), name="scenario_create"),
    path("vergelijken/", views.CompareView.as_view(), name="compare"),
    path("vergelijken/excel/", views.CompareExportView.as_view(), name="compare_export"),
    path("<int:pk>/", views.ScenarioDetailView.as_view(), name="scenario_detail"),
    path("<int:pk>/excel/", views.ScenarioExportView.as_view(), name="scenario_export"),
    path("<int:pk>/wijzigen/", views.ScenarioUpdateView.as_view(), name="scenario_update"),
    path("<int:pk>/kopieren/", views.ScenarioCopyView.as_view(), name="scenario_copy"),
    path("<int:pk>/verwijderen/", views.ScenarioDeleteView.as_view(), name="scenario_delete"),
    path("<int:pk>/begroting/", views.BudgetLinesView.as_view(), name="budget_lines"),
    path("<int:pk>/sleutels/<slug:kind>/", views.KeySharesView.as_view(), name="key_shares"),
    path("<int:pk>/indicatoren/", views.IndicatorWeightsView.as_view(), name="indicator_weights"),
    path("<int:pk>/infasering/", views.PhaseInStepsView.as_view(), name="phase_in_steps"),
    path("<int:pk>/regionale-kosten/", views.RegionalCostsView.as_view(), name="regional_costs"),
    path(
        "<int:pk>/subregionale-kosten/",
        views.SubregionalPoolsView.as_view(),
        name="subregional_pools",
    ),
    path("<int:pk>/geplande-kosten/", views.PlannedCostsView.as_view(), name="planned_costs"),
]
