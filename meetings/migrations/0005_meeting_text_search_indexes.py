# Trigram indexes for the site search over meetings (search.indexes): without them the meetings'
# section read all meetings' titles, summaries and cities for every search, 440 ms for a query with
# several glossary expansions on the 2,000-meeting bench (13 ms with them).

from django.db import migrations

from search.indexes import substring_search_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_paragraph_text_search_indexes"),
    ]

    operations = substring_search_indexes(
        "meetings_meeting", ["title_ru", "title_en", "summary_ru", "summary_en", "city_ru", "city_en"]
    )
