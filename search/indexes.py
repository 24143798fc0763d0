"""Indexes for search.engine.text_q on long text columns of any app (PostgreSQL only).

text_q matches a stem anywhere in a field, case-insensitively: Django writes it as
UPPER(column) LIKE UPPER('%stem%'), which PostgreSQL can answer from a trigram index on
UPPER(column) instead of reading every row. An app whose table is large (outcome-statement
paragraphs: 2,000 meetings × 15) adds one in a migration:

    operations = [*substring_search_indexes("meetings_statementparagraph", ["text_ru", "text_en"])]
"""

from core.operations import RunSQLOnPostgreSQL

# pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
TRIGRAM_EXTENSION = RunSQLOnPostgreSQL(
    "CREATE EXTENSION IF NOT EXISTS pg_trgm", reverse_sql=RunSQLOnPostgreSQL.noop, elidable=True
)


def index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"


def substring_search_indexes(table: str, columns: list[str]) -> list:
    """Migration operations: the extension, then a trigram index on UPPER(column) for each column."""
    return [
        TRIGRAM_EXTENSION,
        *(
            RunSQLOnPostgreSQL(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
                f'USING gin (UPPER("{column}") gin_trgm_ops)',
                reverse_sql=f'DROP INDEX IF EXISTS "{index_name(table, column)}"',
            )
            for column in columns
        ),
    ]
