"""Counting a page's queries at two sizes of data (the participation, route and project tests)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries(client, url: str) -> int:
    """The number of queries one request of ``url`` takes (after a warm-up request)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
