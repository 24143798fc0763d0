"""The plan's activities as CSV (the one CSV writer) and JSON, in the plan's order."""

import json

from core import csv
from core.i18n import localized

COLUMNS = [
    "id",
    "title_ru",
    "title_en",
    "plan",
    "priority",
    "status",
    "start",
    "end",
    "lead_states",
    "partner_states",
    "lead_organisations",
    "partner_organisations",
    "paragraphs",
    "illustrative",
    "permalink",
]


def activity_items(activities, request):
    """One dict per activity, from activities fetched with `views.plan_activities`."""
    for activity in activities:
        priority = activity.priority
        yield {
            "id": activity.pk,
            "title_ru": activity.title_ru or "",
            "title_en": activity.title_en or "",
            "plan": localized(priority.plan, "title").text,
            "priority": localized(priority, "title").text,
            "status": activity.status,
            "start": activity.start_date.isoformat(),
            "end": activity.end_date.isoformat() if activity.end_date else "",
            "lead_states": [state.iso_alpha3 for state in activity.lead_states.all()],
            "partner_states": [state.iso_alpha3 for state in activity.partner_states.all()],
            "lead_organisations": [organisation.short_name for organisation in activity.lead_organisations.all()],
            "partner_organisations": [organisation.short_name for organisation in activity.partner_organisations.all()],
            "paragraphs": [
                request.build_absolute_uri(paragraph.get_absolute_url()) for paragraph in activity.shown_paragraphs
            ],
            "illustrative": activity.is_illustrative or priority.plan.is_illustrative,
            "permalink": request.build_absolute_uri(activity.get_absolute_url()),
        }


def csv_lines(activities, request):
    items = activity_items(activities, request)
    return csv.csv_lines(COLUMNS, ([item[column] for column in COLUMNS] for item in items))


def json_text(activities, request) -> str:
    return json.dumps(list(activity_items(activities, request)), ensure_ascii=False, indent=1) + "\n"
