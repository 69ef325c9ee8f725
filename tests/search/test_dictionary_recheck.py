"""The search dictionary's recheck (``cms.search.dictionary``) costs a search no query when
nothing changed, in whatever order the suite runs its tests.

The first demo load in a process teaches the dictionary its words and moves the version in
the cache; later tests get the demo rows written back, which teaches nothing. So unless the
suite's per-test cache clear also makes the process forget the version it loaded, the
emptied cache's version differs from it and the first recheck (every 30 s, so in whichever
test runs then) reloads the dictionary. Run twice so that the second run is such a test."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.search import dictionary

pytestmark = pytest.mark.django_db


def queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("run", [1, 2])
def test_a_recheck_with_nothing_changed_costs_the_search_no_query(
    client, search_demo, monkeypatch, run
):
    queries(client, q="网络")  # warm: the dictionary, site root paths
    unchecked = queries(client, q="网络")
    monkeypatch.setattr(dictionary, "RECHECK_SECONDS", 0.0)  # every search rechecks now
    assert queries(client, q="网络") == unchecked
