"""Storage settings that keep searches fast on PostgreSQL (nothing to do elsewhere).

- toast_tuple_target = 128 moves the long texts and the full vector out of the table's rows,
  so that scanning matches reads narrow rows;
- rank_vector is kept in the row (STORAGE MAIN): every match is ranked, and fetching it from
  TOAST for tens of thousands of rows costs more than the whole search may take;
- without lexeme statistics the planner assumes a selective match and reads it from the GIN
  index, which answers without opening each document's large vector; with statistics it would
  choose a sequential scan for common words and decompress every vector.
"""

from django.db import migrations

from core.operations import RunSQLOnPostgreSQL

FORWARDS = [
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 128)",
    "ALTER TABLE search_searchentry ALTER COLUMN rank_vector SET STORAGE MAIN",
    "ALTER TABLE search_searchentry ALTER COLUMN vector SET STATISTICS 0",
]
BACKWARDS = [
    "ALTER TABLE search_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE search_searchentry ALTER COLUMN rank_vector SET STORAGE EXTENDED",
    "ALTER TABLE search_searchentry ALTER COLUMN vector SET STATISTICS -1",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [RunSQLOnPostgreSQL(FORWARDS, BACKWARDS)]
