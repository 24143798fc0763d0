"""The API's Swagger UI page runs in a real browser under the portal's CSP (no inline script or style)."""

import pytest

pytestmark = pytest.mark.browser


def test_the_api_docs_page_shows_the_api_and_its_endpoints(page):
    page.open("/api/v1/docs/")

    page.wait_for(
        lambda: page.find_all(".swagger-ui .opblock-summary-path"),
        "Swagger UI did not list the endpoints (blocked by the CSP?)",
        timeout=15,
    )
    title = page.find(".swagger-ui .info .title").text
    paths = {element.get_attribute("data-path") for element in page.find_all(".swagger-ui .opblock-summary-path")}

    assert title.startswith("Almaty Process portal API")
    assert {"/api/v1/documents/", "/api/v1/meetings/", "/api/v1/activities/"} <= paths
    page.screenshot("api-docs")
