from django.urls import path

from onderdak.region import views

app_name = "region"
urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path(
        "gemeenten/<str:cbs_code>/",
        views.MunicipalityDetailView.as_view(),
        name="municipality_detail",
    ),
    path(
        "gemeenten/<str:cbs_code>/inwoners/nieuw/",
        views.PopulationFigureCreateView.as_view(),
        name="population_create",
    ),
    path("organisaties/", views.OrganisationListView.as_view(), name="organisation_list"),
    path("organisaties/nieuw/", views.OrganisationCreateView.as_view(), name="organisation_create"),
    path(
        "organisaties/<int:pk>/wijzigen/",
        views.OrganisationUpdateView.as_view(),
        name="organisation_update",
    ),
    path("bestuur/", views.GovernanceView.as_view(), name="governance"),
]
