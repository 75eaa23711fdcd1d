"""The monitor's pages for the browser's page-by-page check, gathered from its parts."""

from tests.monitor import pages_counts, pages_dashboard

PAGES = [*pages_counts.PAGES, *pages_dashboard.PAGES]
