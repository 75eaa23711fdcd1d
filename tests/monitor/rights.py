"""The monitor's part of the project's rights table, gathered from its parts."""

from tests.monitor import rights_counts, rights_dashboard

RULES = {**rights_counts.RULES, **rights_dashboard.RULES}
URLS = {**rights_counts.URLS, **rights_dashboard.URLS}
