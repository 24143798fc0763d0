"""The main pages at a small phone's width (360 px): nothing wider than the screen."""

import pytest

pytestmark = pytest.mark.browser

PATHS = [
    "/ru/",
    "/ru/meetings/?kind=som&page=2",
    "/ru/meetings/som-2016/",
    "/ru/states/",
    "/en/organisations/budapest-process/",
    "/en/documents/",
    "/en/news/",
]


@pytest.fixture
def phone(page):
    page.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True}
    )
    yield page
    page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("path", PATHS)
def test_page_fits_a_360_pixel_wide_screen(phone, portal, path):
    phone.open(path)

    width = phone.js("return document.documentElement.scrollWidth")
    phone.screenshot("phone" + path.replace("/", "-").replace("?", "-"))

    assert phone.js("return window.innerWidth") == 360
    assert width <= 360, f"{path} is {width} px wide at 360 px"
