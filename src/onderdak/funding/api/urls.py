from rest_framework.routers import SimpleRouter

from onderdak.funding.api import views

router = SimpleRouter()
router.register("funding-scenarios", views.FundingScenarioViewSet, basename="funding-scenario")
urlpatterns = router.urls
