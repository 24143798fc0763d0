# Trigram indexes for the site search over outcome-statement paragraphs (search.indexes).

from django.db import migrations

from search.indexes import substring_search_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_single_line_text_fields"),
    ]

    operations = substring_search_indexes("meetings_statementparagraph", ["text_ru", "text_en"])
