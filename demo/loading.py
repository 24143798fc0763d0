"""Loading the demonstration content (demo/data.py) into the database.

Objects are keyed on slugs, ISO codes or English titles, so loading twice changes nothing.
Each object is validated with full_clean() before it is saved, as an editor's form would.
"""

from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from core.models import Publishable
from core.text import decode_text
from demo import data
from demo.actionplan import load_action_plan
from demo.data import EMPTY, MeetingData, T
from demo.monitoring import load_monitoring
from demo.records import both, upsert
from documents.models import Document, DocumentFile
from glossary.models import Term
from glossary.terms_csv import import_csv
from indicators.importing import import_figures_file
from indicators.models import Indicator, IndicatorValue
from meetings.models import Meeting, OutcomeStatement, Participation, StatementParagraph
from meetings.statement_import import import_statement, parse_numbered_paragraphs
from monitoring.models import InformationSheet, MonitoringItem
from pages.models import NewsItem, Page
from participants.models import FocalPoint, Organisation, State

PUBLISHED = Publishable.PublicationStatus.PUBLISHED
DRAFT = Publishable.PublicationStatus.DRAFT
# Re-exported for the tests and for anyone who looks the demo's meetings up.
THIRD_SOM_SLUG = data.THIRD_SOM_SLUG
UPCOMING_SLUG = data.UPCOMING_SLUG
CIS_FINAL_SLUG = data.CIS_FINAL_SLUG


# --- Glossary ------------------------------------------------------------------------------------------------------

GLOSSARY_CSV = Path(__file__).resolve().parent / "glossary.csv"


def load_glossary() -> None:
    """The glossary's terms, through the same CSV import editors use in the admin."""
    import_csv(GLOSSARY_CSV.read_bytes())


# --- States ------------------------------------------------------------------------------------------------------


def load_states() -> dict[str, State]:
    states = {}
    for state in data.STATES:
        states[state.slug] = upsert(
            State,
            {"iso_alpha2": state.alpha2},
            slug=state.slug,
            iso_alpha3=state.alpha3,
            status=state.status,
            year_joined=data.YEAR_JOINED if state.status == data.MEMBER else None,
            **both("name", state.name),
            **both("official_name", state.official_name),
            **both("profile", data.PROFILES.get(state.slug, EMPTY)),
        )
    for focal_point in data.FOCAL_POINTS:
        upsert(
            FocalPoint,
            {"state": states[focal_point.state], "name_en": focal_point.name.en},
            name_ru=focal_point.name.ru,
            **both("institution", focal_point.institution),
            **both("position", data.FOCAL_POINT_POSITION),
            email=focal_point.email,
            is_public=focal_point.is_public,
        )
    return states


# --- Organisations and processes ---------------------------------------------------------------------------------


def load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for organisation in data.ORGANISATIONS:
        organisations[organisation.slug] = upsert(
            Organisation,
            {"slug": organisation.slug},
            kind=organisation.kind,
            role=organisation.role,
            website=organisation.website,
            **both("name", organisation.name),
            **both("acronym", organisation.acronym),
            **both("description", organisation.description),
        )
    # The Almaty Process has a joint secretariat, which the single secretariat field cannot hold:
    # UNHCR and IOM carry the secretariat role instead and the field stays empty.
    organisations["almaty-process"] = upsert(
        Organisation,
        {"slug": settings.HOME_PROCESS_SLUG},
        kind=Organisation.Kind.PROCESS,
        role=Organisation.Role.OTHER,
        secretariat=None,
        **both("name", data.ALMATY_PROCESS_NAME),
        **both("acronym", EMPTY),
        **both("description", data.ALMATY_PROCESS),
    )
    organisations["budapest-process"] = upsert(
        Organisation,
        {"slug": "budapest-process"},
        kind=Organisation.Kind.PROCESS,
        role=Organisation.Role.PARTNER,
        website=data.BUDAPEST_PROCESS_WEBSITE,
        secretariat=organisations["icmpd"],
        **both("name", data.BUDAPEST_PROCESS_NAME),
        **both("acronym", EMPTY),
        **{key: value for name, text in data.BUDAPEST_PROCESS.items() for key, value in both(name, text).items()},
    )
    organisations["cis-conference-process"] = upsert(
        Organisation,
        {"slug": "cis-conference-process"},
        kind=Organisation.Kind.PROCESS,
        # A predecessor rather than a partner: the process ended in 2005.
        role=Organisation.Role.OTHER,
        **both("name", data.CIS_PROCESS_NAME),
        **both("acronym", EMPTY),
        **both("description", data.CIS_PROCESS),
    )
    return organisations


# --- Meetings ----------------------------------------------------------------------------------------------------


def summary_of_participation(meeting: MeetingData, states: dict[str, State]) -> T:
    ru = ", ".join(states[slug].name_ru for slug in meeting.states)
    en = ", ".join(states[slug].name_en for slug in meeting.states)
    return T(f"Участники из Центральной Азии: {ru}.", f"Taking part from Central Asia: {en}.")


def load_meeting(meeting: MeetingData, process: Organisation, states: dict[str, State]) -> Meeting:
    return upsert(
        Meeting,
        {"slug": meeting.slug},
        kind=meeting.kind,
        number=meeting.number,
        process=process,
        start_date=meeting.start,
        end_date=meeting.end,
        host_country=states[meeting.host],
        status=meeting.status,
        publication_status=PUBLISHED,
        **both("title", meeting.title),
        **both("city", data.CITIES[meeting.city]),
        **both("summary", meeting.summary or EMPTY),
        **both("chair", meeting.chair),
    )


def take_part(
    meeting: Meeting,
    *,
    state: State | None = None,
    organisation: Organisation | None = None,
    role: str = Participation.Role.MEMBER,
    present: bool = True,
) -> Participation:
    lookup = {"meeting": meeting, "state": state} if state else {"meeting": meeting, "organisation": organisation}
    attendance = Participation.Attendance.ATTENDED if present else Participation.Attendance.DID_NOT_ATTEND
    return upsert(Participation, lookup, state=state, organisation=organisation, role=role, attendance=attendance)


def load_almaty_meetings(orgs: dict[str, Organisation], states: dict[str, State]) -> dict[str, Meeting]:
    process = orgs["almaty-process"]
    third = load_meeting(data.THIRD_SOM, process, states)
    third.organisers.set([orgs["unhcr"], orgs["iom"]])
    for slug in data.THIRD_SOM_STATES:
        take_part(third, state=states[slug], role=data.THIRD_SOM_ROLES.get(slug, Participation.Role.MEMBER))
    for slug in ("unhcr", "iom"):
        take_part(third, organisation=orgs[slug], role=Participation.Role.ORGANISATION)

    upcoming = load_meeting(data.UPCOMING, process, states)
    upcoming.organisers.set([orgs["unhcr"], orgs["iom"]])
    return {data.THIRD_SOM_SLUG: third, data.UPCOMING_SLUG: upcoming}


def load_budapest_meetings(orgs: dict[str, Organisation], states: dict[str, State]) -> dict[str, Meeting]:
    meetings = {}
    for meeting_data in data.BUDAPEST_MEETINGS:
        participation = summary_of_participation(meeting_data, states)
        if meeting_data.summary:
            summary = meeting_data.summary
            participation = T(f"{summary.ru} {participation.ru}", f"{summary.en} {participation.en}")
        meeting = load_meeting(replace(meeting_data, summary=participation), orgs["budapest-process"], states)
        meeting.organisers.set([orgs["icmpd"]])
        for slug in meeting_data.states:
            take_part(meeting, state=states[slug])
        meetings[meeting.slug] = meeting
    return meetings


def load_cis_meeting(orgs: dict[str, Organisation], states: dict[str, State]) -> dict[str, Meeting]:
    meeting = load_meeting(data.CIS_FINAL, orgs["cis-conference-process"], states)
    meeting.organisers.set([orgs[slug] for slug in data.CIS_CO_CHAIRS])
    for slug in data.CIS_PRESENT:
        take_part(meeting, state=states[slug])
    for slug in data.CIS_ABSENT:
        take_part(meeting, state=states[slug], present=False)
    for slug in data.CIS_OBSERVERS:
        take_part(meeting, state=states[slug], role=Participation.Role.OBSERVER)
    for slug in data.CIS_CO_CHAIRS:
        take_part(meeting, organisation=orgs[slug], role=Participation.Role.CHAIR)
    for slug in data.CIS_ORGANISATIONS:
        take_part(meeting, organisation=orgs[slug], role=Participation.Role.ORGANISATION)
    return {meeting.slug: meeting}


def load_statement(meeting: Meeting, seeds_dir: Path | None) -> None:
    upsert(
        OutcomeStatement,
        {"meeting": meeting},
        adopted_on=meeting.end_date,
        **both(
            "title",
            T(
                "Итоговое заявление Третьей встречи высших должностных лиц",
                "Outcome statement of the Third Senior Officials Meeting",
            ),
        ),
    )
    text = read_seed(seeds_dir, data.SEED_STATEMENT)
    if text is not None:
        import_statement(meeting, "ru", parse_numbered_paragraphs(text))


# --- Pages and news ----------------------------------------------------------------------------------------------


def load_pages() -> None:
    for slug, position, title, body in data.PAGES:
        upsert(
            Page,
            {"slug": slug},
            position=position,
            publication_status=PUBLISHED,
            **both("title", title),
            **both("body", body),
        )
    for slug, date, texts in data.NEWS:
        upsert(
            NewsItem,
            {"slug": slug},
            date=date,
            publication_status=PUBLISHED,
            **{key: value for name, text in texts.items() for key, value in both(name, text).items()},
        )


# --- Documents ---------------------------------------------------------------------------------------------------


def text_file(paragraphs: tuple[str, ...]) -> bytes:
    return ("\n\n".join(paragraphs) + "\n").encode()


def load_document(
    document_data: data.DocumentData,
    meetings: dict[str, Meeting],
    orgs: dict[str, Organisation],
    states: dict[str, State],
    seeds_dir: Path | None,
) -> Document:
    document = upsert(
        Document,
        {"kind": document_data.kind, "title_en": document_data.title.en},
        title_ru=document_data.title.ru,
        date=document_data.date,
        symbol=document_data.symbol,
        meeting=meetings[document_data.meeting] if document_data.meeting else None,
        publication_status=DRAFT if document_data.draft else PUBLISHED,
        **both("summary", document_data.summary),
    )
    document.states.set([states[slug] for slug in document_data.states])
    document.organisations.set([orgs[slug] for slug in document_data.organisations])
    for file_data in document_data.files:
        # A file once attached stays as it is: reloading must not pile up copies in the media folder.
        if document.files.filter(language=file_data.language).exists():
            continue
        content = (file_data.seed and read_seed_bytes(seeds_dir, file_data.seed)) or text_file(file_data.paragraphs)
        file = DocumentFile(
            document=document,
            language=file_data.language,
            original_name=file_data.name,
            file=ContentFile(content, name=file_data.name),
        )
        file.full_clean()
        file.save()
    return document


# --- Seeds and the whole load ------------------------------------------------------------------------------------


def read_seed_bytes(seeds_dir: Path | None, name: str) -> bytes | None:
    if seeds_dir is None:
        return None
    path = Path(seeds_dir) / name
    return path.read_bytes() if path.is_file() else None


def read_seed(seeds_dir: Path | None, name: str) -> str | None:
    content = read_seed_bytes(seeds_dir, name)
    return None if content is None else decode_text(content)


COUNTED = [
    State,
    FocalPoint,
    Organisation,
    Meeting,
    Participation,
    OutcomeStatement,
    StatementParagraph,
    Document,
    DocumentFile,
    Page,
    NewsItem,
    Indicator,
    IndicatorValue,
    Term,
    MonitoringItem,
    InformationSheet,
]


FIGURES_DIR = Path(__file__).resolve().parent / "figures"


def load_figures() -> None:
    """The indicators, and sample figures for them through the importer a real download goes through."""
    for position, indicator in enumerate(data.INDICATORS):
        upsert(
            Indicator,
            {"slug": indicator.slug},
            source_url=indicator.source_url,
            source_licence=data.SOURCE_LICENCE,
            source_code=indicator.source_code,
            decimal_places=indicator.decimal_places,
            position=position,
            **both("name", indicator.name),
            **both("definition", indicator.definition),
            **both("unit", indicator.unit),
            **both("source_name", indicator.source_name),
        )
    for name in data.FIGURE_FILES:
        import_figures_file(FIGURES_DIR / name, retrieved=data.FIGURES_WRITTEN, is_sample=True)


def counts() -> dict[type, int]:
    """How many objects of each model there are."""
    return {model: model.objects.count() for model in COUNTED}


@transaction.atomic
def load_demo(seeds_dir: Path | None = None) -> dict[type, int]:
    """Load (or refresh) the demonstration content; returns the number of objects of each kind."""
    if seeds_dir is None:
        seeds_dir = getattr(settings, "SEEDS_DIR", None)
    states = load_states()
    orgs = load_organisations()
    meetings = {
        **load_almaty_meetings(orgs, states),
        **load_budapest_meetings(orgs, states),
        **load_cis_meeting(orgs, states),
    }
    load_statement(meetings[data.THIRD_SOM_SLUG], seeds_dir)
    load_pages()
    load_figures()
    load_glossary()
    for document_data in data.DOCUMENTS:
        load_document(document_data, meetings, orgs, states, seeds_dir)
    load_action_plan(meetings[data.THIRD_SOM_SLUG])
    load_monitoring()
    return counts()
