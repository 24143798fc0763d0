"""The secretariat's side: the activity form refuses an end before the start; its history is kept."""

import pytest
from reversion.models import Version

from actionplan.models import Activity
from tests.actionplan.helpers import parse, text
from tests.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def activity_form(priority, **changes):
    data = {
        "priority": priority.pk,
        "position": 1,
        "title_ru": "Обучение пограничников",
        "title_en": "Border guard training",
        "description_ru": "",
        "description_en": "",
        "status": "planned",
        "start_date": "2018-03-01",
        "end_date": "2018-12-31",
        "publication_status": "published",
        "publish_at_0": "",
        "publish_at_1": "",
        "updates-TOTAL_FORMS": "0",
        "updates-INITIAL_FORMS": "0",
        "updates-MIN_NUM_FORMS": "0",
        "updates-MAX_NUM_FORMS": "1000",
    }
    return {**data, **changes}


def test_an_activity_whose_end_is_before_its_start_gets_a_form_error_and_is_not_saved(editor_client):
    priority = PriorityFactory()

    response = editor_client.post("/ru/admin/actionplan/activity/add/", activity_form(priority, end_date="2017-01-01"))

    assert response.status_code == 200
    errors = [text(error) for error in parse(response).xpath("//*[contains(@class, 'errorlist')]/li")]
    assert errors == ["Конец не может быть раньше начала."]
    assert Activity.objects.count() == 0


def test_a_saved_activity_has_its_history(editor_client):
    priority = PriorityFactory()

    response = editor_client.post("/ru/admin/actionplan/activity/add/", activity_form(priority))

    assert response.status_code == 302, [
        text(e) for e in parse(response).xpath("//*[contains(@class, 'errorlist')]/li")
    ]
    activity = Activity.objects.get()
    assert [version.revision.user.username for version in Version.objects.get_for_object(activity)] == ["editor"]
