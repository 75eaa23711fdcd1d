"""The framework module's route pages for the page-by-page browser check."""

PAGES: list = []
