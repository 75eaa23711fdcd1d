"""The monitor's dashboard pages for the page-by-page browser check."""

PAGES: list = []
