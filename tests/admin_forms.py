"""What the admin's change forms post, for tests that save through the admin."""


def meeting_form(meeting, **changes):
    data = {
        "title_ru": meeting.title_ru,
        "title_en": meeting.title_en,
        "slug": meeting.slug,
        "kind": meeting.kind,
        "process": meeting.process_id,
        "start_date": meeting.start_date.isoformat(),
        "end_date": meeting.end_date.isoformat(),
        "city_ru": meeting.city_ru,
        "city_en": meeting.city_en,
        "status": meeting.status,
        "publication_status": meeting.publication_status,
        "participations-TOTAL_FORMS": "0",
        "participations-INITIAL_FORMS": "0",
        "participations-MIN_NUM_FORMS": "0",
        "participations-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data
