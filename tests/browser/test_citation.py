"""The citation on a document page: selectable text, and a button that copies it (portal.js)."""

import pytest

from tests.browser.conftest import in_language

pytestmark = pytest.mark.browser


def test_the_copy_button_puts_the_citation_text_on_the_clipboard(page, portal):
    document = portal["document"]
    page.driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": page.base_url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    page.open(f"/ru/documents/{document.pk}/")

    button = page.find(".citation-copy button.copy-citation")
    assert button.text == in_language("ru", "Copy citation")
    page.click(".citation-copy button.copy-citation")
    page.wait_for(
        lambda: button.text == in_language("ru", "Citation copied"), "the button did not say the citation was copied"
    )

    copied = page.driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, () => done(null));"
    )
    expected = " ".join(page.find("#citation-text").text.split())
    assert copied == expected
    assert copied.startswith("Алматинский процесс. «Доклад совещания».")
