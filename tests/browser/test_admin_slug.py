"""The admin fills the slug as the editor types, from the Russian title when there is no English one."""

import pytest

from core.slugs import urlify

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in_editor(page, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "chief-pass-1")
    page.open("/en/admin/login/")
    page.find("#id_username").send_keys("chief")
    page.find("#id_password").send_keys("chief-pass-1")
    page.find("#login-form [type=submit]").click()
    page.wait_for(lambda: "/login/" not in page.path, "the sign-in did not finish")
    return page


def type_into(page, field_id, text):
    # The Russian and English titles sit in tabs; the one not shown cannot be typed into, so set and announce it.
    page.js(
        "const field = document.getElementById(arguments[0]); field.value = arguments[1];"
        " field.dispatchEvent(new Event('input', {bubbles: true}));",
        field_id,
        text,
    )


def test_the_slug_follows_the_russian_title_then_the_english_one(signed_in_editor):
    page = signed_in_editor
    page.open("/en/admin/meetings/meeting/add/")

    type_into(page, "id_title_ru", "Третье совещание старших должностных лиц")
    from_russian = page.find("#id_slug").get_attribute("value")
    type_into(page, "id_title_en", "Third Senior Officials Meeting")
    from_english = page.find("#id_slug").get_attribute("value")

    assert from_russian == urlify("Третье совещание старших должностных лиц", 120)
    assert from_english == "third-senior-officials-meeting"


def test_a_slug_typed_by_hand_is_left_alone(signed_in_editor):
    page = signed_in_editor
    page.open("/en/admin/pages/newsitem/add/")

    page.find("#id_slug").send_keys("my-own-slug")
    type_into(page, "id_title_ru", "Региональный форум")

    assert page.find("#id_slug").get_attribute("value") == "my-own-slug"
