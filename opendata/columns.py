"""What each column of the open-data package holds, in words: its type, title and description.

The column lists themselves belong to the exports they come from (documents.exports, actionplan.exports,
glossary.terms_csv, indicators.views); this is the one place that says, in English and (through the
translation catalogue) in Russian, what a column means. A column without an entry here fails the build.
"""

from django.utils.translation import gettext_lazy as _

from actionplan.models import Activity
from documents.models import Document
from meetings.models import Meeting, Participation
from participants.models import Organisation, State

# name: (Frictionless type, title, description[, the model's choices, which become the column's allowed values]).
# A (resource, name) key overrides the name's entry.
COLUMNS = {
    # --- shared names
    "id": ("integer", _("Number"), _("The item’s number on the portal; it does not change.")),
    "slug": ("string", _("Address name"), _("The item’s name in page addresses; it does not change.")),
    "permalink": ("string", _("Address"), _("The address of the item’s page on the portal.")),
    "title_ru": ("string", _("Title in Russian"), _("The title in Russian; empty when there is none.")),
    "title_en": ("string", _("Title in English"), _("The title in English; empty when there is none.")),
    "meeting_id": ("integer", _("Meeting number"), _("The number of the meeting (meetings.csv, column id).")),
    "date": ("date", _("Date"), _("The date, as YYYY-MM-DD.")),
    "symbol": (
        "string",
        _("Symbol"),
        _("The document's symbol, one for all its language versions, e.g. AP/SOM.3/2016/1; empty if it has none."),
    ),
    # --- meetings.csv
    ("meetings", "kind"): (
        "string",
        _("Kind of meeting"),
        _("The kind of meeting, as a code."),
        Meeting.Kind,
    ),
    "number": ("integer", _("Number in its series"), _("For example 3 for the Third Senior Officials Meeting.")),
    "process": ("string", _("Process"), _("The short name of the consultative process the meeting belongs to.")),
    "start_date": ("date", _("Start date"), _("The first day of the meeting, as YYYY-MM-DD.")),
    "end_date": ("date", _("End date"), _("The last day of the meeting, as YYYY-MM-DD.")),
    "city_ru": ("string", _("City in Russian"), _("The city where the meeting was held, in Russian.")),
    "city_en": ("string", _("City in English"), _("The city where the meeting was held, in English.")),
    "host_country": ("string", _("Host country"), _("The ISO 3166-1 alpha-3 code of the host country.")),
    ("meetings", "status"): ("string", _("Status"), _("The meeting’s status, as a code."), Meeting.Status),
    # --- participations.csv
    "state": (
        "string",
        _("State"),
        _("The ISO 3166-1 alpha-3 code of the state (states.csv); empty for an organisation."),
    ),
    "organisation": (
        "string",
        _("Organisation"),
        _("The address name of the organisation (organisations.csv, column slug); empty for a state."),
    ),
    ("participations", "role"): ("string", _("Role"), _("The participant’s role, as a code."), Participation.Role),
    "attendance": (
        "string",
        _("Attendance"),
        _("Whether the participant was invited, confirmed or attended, as a code."),
        Participation.Attendance,
    ),
    # --- paragraphs.csv
    ("paragraphs", "number"): ("integer", _("Paragraph number"), _("The paragraph’s number in the outcome statement.")),
    "text_ru": ("string", _("Text in Russian"), _("The text in Russian; empty when there is none.")),
    "text_en": ("string", _("Text in English"), _("The text in English; empty when there is none.")),
    # --- states.csv
    "iso_alpha3": ("string", _("ISO alpha-3 code"), _("The state’s ISO 3166-1 alpha-3 code.")),
    "iso_alpha2": ("string", _("ISO alpha-2 code"), _("The state’s ISO 3166-1 alpha-2 code.")),
    "name_ru": ("string", _("Name in Russian"), _("The name in Russian.")),
    "name_en": ("string", _("Name in English"), _("The name in English.")),
    ("states", "status"): (
        "string",
        _("Status in the process"),
        _("The state’s status in the process, as a code."),
        State.Status,
    ),
    "year_joined": ("integer", _("Year joined"), _("The year the state joined the process, when known.")),
    # --- organisations.csv
    "acronym_ru": ("string", _("Acronym in Russian"), _("The acronym in Russian, when there is one.")),
    "acronym_en": ("string", _("Acronym in English"), _("The acronym in English, when there is one.")),
    ("organisations", "kind"): ("string", _("Kind"), _("The kind of organisation, as a code."), Organisation.Kind),
    ("organisations", "role"): (
        "string",
        _("Role in the process"),
        _("The organisation’s role in the process, as a code."),
        Organisation.Role,
    ),
    "website": ("string", _("Website"), _("The organisation’s own website.")),
    # --- documents.csv (documents.exports)
    ("documents", "kind"): ("string", _("Kind of document"), _("The kind of document, as a code."), Document.Kind),
    "meeting": ("string", _("Meeting"), _("The title of the document’s meeting, in English where there is one.")),
    ("documents", "process"): ("string", _("Process"), _("The short name of the process of the document’s meeting.")),
    "languages": ("string", _("Languages"), _("The languages of the public files, as codes separated by «;».")),
    # --- files.csv
    "document_id": ("integer", _("Document number"), _("The number of the document (documents.csv, column id).")),
    "language": ("string", _("Language"), _("The language of the file, as a code (ru, en, kk, …).")),
    "file_name": ("string", _("File name"), _("The name the file is downloaded under.")),
    "size": ("integer", _("Size"), _("The size of the file in bytes.")),
    "sha256": ("string", _("SHA-256"), _("The file’s SHA-256 checksum, in hexadecimal.")),
    "content_type": ("string", _("Content type"), _("The file’s media type, for example application/pdf.")),
    "pages": ("integer", _("Pages"), _("The number of pages, when known.")),
    "download_url": ("string", _("Download address"), _("The address the file is downloaded from.")),
    # --- glossary_terms.csv (glossary.terms_csv)
    "label_ru": ("string", _("Term in Russian"), _("The term in Russian.")),
    "label_en": ("string", _("Term in English"), _("The term in English.")),
    "synonyms_ru": ("string", _("Synonyms in Russian"), _("Other words for the term in Russian, separated by «;».")),
    "synonyms_en": ("string", _("Synonyms in English"), _("Other words for the term in English, separated by «;».")),
    "abbreviations_ru": ("string", _("Abbreviations in Russian"), _("Abbreviations in Russian, separated by «;».")),
    "abbreviations_en": ("string", _("Abbreviations in English"), _("Abbreviations in English, separated by «;».")),
    "definition_ru": ("string", _("Definition in Russian"), _("A short definition in Russian.")),
    "definition_en": ("string", _("Definition in English"), _("A short definition in English.")),
    "source_name": ("string", _("Source"), _("The glossary or text the term follows.")),
    "source_url": ("string", _("Address of the source"), _("The address of the source.")),
    ("glossary_terms", "status"): ("string", _("Publication status"), _("Always published: drafts are left out.")),
    # --- activities.csv (actionplan.exports)
    "plan": ("string", _("Action plan"), _("The title of the action plan.")),
    "priority": ("string", _("Priority"), _("The title of the plan’s priority the activity serves.")),
    ("activities", "status"): ("string", _("Status"), _("The activity’s status, as a code."), Activity.Status),
    "start": ("date", _("Start"), _("When the activity starts, as YYYY-MM-DD.")),
    "end": ("date", _("End"), _("When the activity ends, as YYYY-MM-DD; empty while it has no end date.")),
    "lead_states": ("string", _("Lead states"), _("ISO alpha-3 codes of the states that lead it, separated by «;».")),
    "partner_states": (
        "string",
        _("Partner states"),
        _("ISO alpha-3 codes of the states that take part, separated by «;»."),
    ),
    "lead_organisations": (
        "string",
        _("Lead organisations"),
        _("Short names of the organisations that lead it, separated by «;»."),
    ),
    "partner_organisations": (
        "string",
        _("Partner organisations"),
        _("Short names of the organisations that take part, separated by «;»."),
    ),
    "paragraphs": (
        "string",
        _("Paragraphs"),
        _("Addresses of the outcome-statement paragraphs it comes from, separated by «;»."),
    ),
    "illustrative": ("boolean", _("Illustrative"), _("True when the activity is an illustrative example, not a fact.")),
    # --- activity_updates.csv
    "activity_id": ("integer", _("Activity number"), _("The number of the activity (activities.csv, column id).")),
    # --- indicator_values.csv (indicators.views)
    "indicator": ("string", _("Indicator"), _("The address name of the indicator.")),
    ("indicator_values", "state"): ("string", _("State"), _("The state’s name.")),
    "year": ("integer", _("Year"), _("The year the value is for.")),
    "value": ("number", _("Value"), _("The value, with a full stop as decimal separator.")),
    "unit": ("string", _("Unit"), _("The unit of the value.")),
    ("indicator_values", "source"): ("string", _("Source"), _("Where the value was taken from.")),
    "retrieved": ("date", _("Retrieved on"), _("When the value was taken from its source, as YYYY-MM-DD.")),
    "sample_data": (
        "string",
        _("Sample data"),
        _("yes when the value is an illustrative sample, not a fact; else no."),
    ),
    "note": ("string", _("Note"), _("A note on the value.")),
}


def describe(resource: str, name: str) -> tuple:
    """(type, title, description, choices or None) of a resource's column; KeyError for a column nobody described."""
    entry = COLUMNS.get((resource, name)) or COLUMNS[name]
    return (*entry, None) if len(entry) == 3 else entry
