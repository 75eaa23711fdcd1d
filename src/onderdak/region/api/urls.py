from rest_framework.routers import SimpleRouter

from onderdak.region.api import views

router = SimpleRouter()
router.register("subregions", views.SubregionViewSet, basename="subregion")
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("governance-bodies", views.GovernanceBodyViewSet, basename="governance-body")
urlpatterns = router.urls
