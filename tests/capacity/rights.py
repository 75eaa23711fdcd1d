"""The capacity module's part of the project's rights table, gathered from its parts."""

from tests.capacity import rights_facilities, rights_plans, rights_scenarios

PARTS = (rights_facilities, rights_plans, rights_scenarios)
RULES = {name: cases for part in PARTS for name, cases in part.RULES.items()}
URLS = {name: path for part in PARTS for name, path in part.URLS.items()}
