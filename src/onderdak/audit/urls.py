from django.urls import path

from onderdak.audit import views

app_name = "audit"
urlpatterns = [path("", views.TrailSearchView.as_view(), name="search")]
