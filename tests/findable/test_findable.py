"""Search engines find the kaart: robots.txt, sitemap.xml, canonical URLs, meta descriptions and JSON-LD."""
import json
import re
from datetime import time
from xml.etree import ElementTree

from tests.directory.test_routes import Page
from tests.factories import make_service
from webapp.directory.models import Organization, Schedule, ServiceArea
from webapp.extensions import db
from webapp.models_base import utcnow

SITE = "http://buurtkaart.test"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_robots_txt_keeps_engines_out_of_accounts_beheer_and_posts_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    for private in ("/beheer", "/account", "/coordinator", "/api", "/voor-elkaar", "/inloggen", "/zoeken/kaart"):
        assert f"Disallow: {private}" in lines
    for public in ("/zoeken", "/voorzieningen", "/thema", "/zorgen-om-iemand", "/privacy"):
        assert f"Disallow: {public}" not in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_the_sitemap_lists_public_pages_and_every_voorziening_not_archived(client):
    shown = make_service("Inloop De Schakel")
    archived = make_service("Oud Spreekuur")
    archived.archived_at = utcnow()
    db.session.commit()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    urls = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
            for url in ElementTree.fromstring(response.data).iter(f"{SITEMAP}url")}
    assert {f"{SITE}/", f"{SITE}/zoeken", f"{SITE}/thema/wonen", f"{SITE}/privacy"} <= set(urls)
    assert urls[f"{SITE}/voorzieningen/{shown.slug}"] == shown.updated_at.date().isoformat()
    assert f"{SITE}/voorzieningen/{archived.slug}" not in urls
    assert not [url for url in urls if "/voor-elkaar" in url or "/beheer" in url]


def test_a_voorziening_has_its_canonical_url_and_its_summary_as_description(client):
    service = make_service("Inloop De Schakel", summary="Koffie en een praatje voor iedereen in de wijk.")
    page = Page(client.get(f"/voorzieningen/{service.slug}?van=zoeken").text)
    assert [e["attrs"]["href"] for e in page.find("link", rel="canonical")] == [f"{SITE}/voorzieningen/{service.slug}"]
    [description] = page.find("meta", name="description")
    assert description["attrs"]["content"] == "Koffie en een praatje voor iedereen in de wijk."


def test_every_page_has_a_description_and_a_search_is_canonical_without_its_query(client):
    page = Page(client.get("/zoeken?q=schulden&plaats=7941").text)
    assert [e["attrs"]["href"] for e in page.find("link", rel="canonical")] == [f"{SITE}/zoeken"]
    assert "hulp" in page.find("meta", name="description")[0]["attrs"]["content"]
    missing = Page(client.get("/voorzieningen/bestaat-niet").text)
    assert not missing.find("link", rel="canonical")


def json_ld(client, service):
    html = client.get(f"/voorzieningen/{service.slug}").text
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_a_gemeente_service_is_a_government_service_with_provider_area_and_hours(client):
    service = make_service("Geldloket", summary="Hulp bij geldzorgen", commit=False, phone="0522 123 456",
                           organization=Organization(name="Gemeente Meppel", website="https://www.meppel.nl"))
    service.schedules.append(Schedule(weekday=0, opens=time(9), closes=time(12, 30)))
    service.areas = [ServiceArea(name="Meppel"), ServiceArea(name="Westerveld")]
    db.session.commit()
    data = json_ld(client, service)
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    assert data["name"] == "Geldloket" and data["url"] == f"{SITE}/voorzieningen/{service.slug}"
    assert data["provider"] == {"@type": "GovernmentOrganization", "name": "Gemeente Meppel",
                                "url": "https://www.meppel.nl"}
    assert [area["name"] for area in data["areaServed"]] == ["Gemeente Meppel", "Gemeente Westerveld"]
    assert data["hoursAvailable"] == [{"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday",
                                       "opens": "09:00", "closes": "12:30"}]
    assert data["availableChannel"]["servicePhone"]["telephone"] == "0522 123 456"


def test_another_provider_gives_a_service_and_unknown_facts_are_left_out(client):
    service = make_service("Repair Café", organization=Organization(name="Stichting Buurtwerk"))
    data = json_ld(client, service)
    assert data["@type"] == "Service"
    assert data["provider"] == {"@type": "Organization", "name": "Stichting Buurtwerk"}
    assert "hoursAvailable" not in data and "isAccessibleForFree" not in data
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Gemeente Meppel"}]


def test_a_voorziening_online_or_by_phone_only_names_no_place_to_visit(client):
    visited = make_service("Inloop", point=(52.6956, 6.1937), precision="adres")
    remote = make_service("Startpunt Geldzaken", point=(52.6956, 6.1937), precision="adres", remote_only=True,
                          phone="0522 123 456")
    assert json_ld(client, visited)["availableChannel"]["serviceLocation"]["geo"]["latitude"] == 52.6956
    channel = json_ld(client, remote)["availableChannel"]
    assert "serviceLocation" not in channel and channel["servicePhone"]["telephone"] == "0522 123 456"


def test_json_ld_cannot_close_its_script_element(client):
    service = make_service("Inloop", summary="</script><script>alert(1)</script>")
    html = client.get(f"/voorzieningen/{service.slug}").text
    assert "</script><script>alert(1)" not in html
    assert json_ld(client, service)["description"] == "</script><script>alert(1)</script>"
