"""/metrics: Prometheus text for the configured addresses only, with requests, searches and the live state."""
from prometheus_client.parser import text_string_to_metric_families

from tests.factories import make_service


def scrape(client, address="127.0.0.1"):
    return client.get("/metrics", environ_base={"REMOTE_ADDR": address})


def samples(response):
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=")
    found = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(found, name, **labels):
    return found.get((name, tuple(sorted(labels.items()))), 0)


def test_requests_are_counted_per_route_and_status(client):
    page = dict(endpoint="pages.toegankelijkheid", method="GET", status="200")
    before = value(samples(scrape(client)), "buurtkaart_http_requests_total", **page)
    for _ in range(3):
        client.get("/toegankelijkheid")
    client.get("/bestaat-niet")
    found = samples(scrape(client))
    assert value(found, "buurtkaart_http_requests_total", **page) == before + 3
    assert value(found, "buurtkaart_http_requests_total", endpoint="unmatched", method="GET", status="404") >= 1
    assert value(found, "buurtkaart_http_request_duration_seconds_count", endpoint="pages.toegankelijkheid") >= 3


def test_searches_and_the_live_state_are_there(client):
    make_service("Geldloket", description="schulden")
    before = value(samples(scrape(client)), "buurtkaart_search_duration_seconds_count", kind="service")
    client.get("/api/v1/voorzieningen", query_string={"q": "schulden"})
    found = samples(scrape(client))
    assert value(found, "buurtkaart_search_duration_seconds_count", kind="service") == before + 1
    assert value(found, "buurtkaart_database_up") == 1
    assert value(found, "buurtkaart_index_lag_rows") == 0
    assert ("buurtkaart_outbox_pending", ()) in found


def test_timer_runs_are_metrics_too(client, runner):
    runner.invoke(args=["ops", "record-run", "backup", "--status", "2"])
    found = samples(scrape(client))
    assert value(found, "buurtkaart_timer_failures_in_a_row", timer="backup") == 1


def test_only_the_configured_addresses_may_read_them(client, other_app):
    assert scrape(client, "10.1.2.3").status_code == 404
    assert scrape(client, "::1").status_code == 200
    app = other_app(METRICS_ALLOWED_IPS="10.0.0.0/8, 192.0.2.7")
    with app.app_context():
        other = app.test_client()
        assert scrape(other, "10.1.2.3").status_code == 200
        assert scrape(other, "192.0.2.7").status_code == 200
        assert scrape(other, "127.0.0.1").status_code == 404
