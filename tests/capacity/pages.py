"""The capacity module's pages for the page-by-page browser check, gathered from its parts."""

from tests.capacity import pages_facilities, pages_plans, pages_scenarios

PAGES = [*pages_facilities.PAGES, *pages_plans.PAGES, *pages_scenarios.PAGES]
