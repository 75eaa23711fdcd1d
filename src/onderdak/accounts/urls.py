from django.urls import path

from onderdak.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("tweede-factor/", views.SecondFactorView.as_view(), name="second_factor"),
    path(
        "tweede-factor/instellen/",
        views.SecondFactorSetupView.as_view(),
        name="second_factor_setup",
    ),
    path("", views.ProfileView.as_view(), name="profile"),
    path("gebruikers/", views.UserListView.as_view(), name="user_list"),
    path("gebruikers/<int:pk>/", views.UserDetailView.as_view(), name="user_detail"),
]
