"""Search benchmark: build a large realistic archive, then time searches and facet counts.

    createdb -h 127.0.0.1 -U postgres almaty_bench  (bench/load.py creates and fills one itself)
    export DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/almaty_bench
    .venv/bin/python bench/search_bench.py generate --documents 100000 --meetings 2000
    .venv/bin/python bench/search_bench.py measure

Searches go through the code the document list uses for an anonymous reader (DocumentFilter,
find_documents, documents.search's count and first page from the search index, the page's documents,
snippets); facets through documents.facets.document_facets.
"""

import argparse
import contextlib
import datetime
import os
import random
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.settings")
os.environ.setdefault("DEBUG", "1")
# The readers' pages are requested many times a second from one address: the search limits would answer 429.
os.environ.setdefault("RATE_LIMIT_ENABLED", "0")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from accounts.models import Delegate  # noqa: E402
from core.models import Publishable  # noqa: E402
from core.pagecache import invalidate  # noqa: E402
from demo.loading import load_glossary  # noqa: E402
from documents.archive import find_documents, listing_files, with_snippets  # noqa: E402
from documents.facets import document_facets  # noqa: E402
from documents.filters import DocumentFilter  # noqa: E402
from documents.indexing import rebuild_index  # noqa: E402
from documents.models import Audience, Document, DocumentFile, ExtractionStatus  # noqa: E402
from documents.search import indexed_ranking  # noqa: E402
from glossary.models import Term  # noqa: E402
from meetings.models import Meeting, Participation  # noqa: E402
from participants.models import Organisation, State  # noqa: E402
from search.models import SearchEntry  # noqa: E402
from search.pagination import CountingPaginator  # noqa: E402

PUBLISHED = Publishable.PublicationStatus.PUBLISHED

# A document is about one or two topics and always about the process itself: topic words in
# several grammatical forms (so that stemming matters), general words of the process everywhere.
TOPICS = [
    # (share of documents, Russian words, English words)
    (
        25,
        "беженцы беженцев беженцам беженцами убежище убежища статус статуса защита защиты защите",
        "refugee refugees asylum seekers status determination protection protecting",
    ),
    (
        20,
        "трудовая трудовой трудовых миграция миграции мигранты мигрантов мигрантам работодатели занятости переводы",
        "labour labor migration migrant migrants workers employment remittances recruitment",
    ),
    (
        10,
        "торговля торговли торговлей людьми жертвы жертв эксплуатация эксплуатации вербовка",
        "human trafficking trafficked victims exploitation traffickers smuggling smugglers",
    ),
    (
        8,
        "безгражданство апатриды апатридов гражданства гражданство документирование регистрация рождений",
        "statelessness stateless nationality citizenship birth registration documentation",
    ),
    (
        10,
        "границы границ пограничного пограничной управления управление контроль пункты пропуска",
        "border borders management control crossing points guards",
    ),
    (
        10,
        "смешанные смешанных потоки потоков нерегулярная нерегулярной миграция миграции перемещения",
        "mixed flows irregular migration movements routes",
    ),
    (
        8,
        "возвращение возвращения реинтеграция реинтеграции реадмиссия реадмиссии добровольное",
        "return returns reintegration readmission voluntary",
    ),
    (
        10,
        "женщин женщины детей дети семей несопровождаемые несопровождаемых уязвимых гендерного",
        "women children families unaccompanied vulnerable gender",
    ),
    (
        6,
        "данные данных статистика статистики исследование исследования перепись",
        "data statistics research census evidence surveys",
    ),
    (
        5,
        "климата изменение изменения стихийные бедствия бедствий перемещение экологической",
        "climate change disasters displacement environmental",
    ),
    (6, "Афганистана Афганистан афганских афганские ситуация ситуации", "Afghanistan Afghan situation neighbouring"),
    (
        8,
        "законодательство законодательства законы политика политики национальной стратегия стратегии",
        "legislation laws policy policies national strategy strategies",
    ),
]
GENERAL_RUSSIAN = (
    "совещание совещания участники участников государства государств сотрудничество сотрудничества регионального "
    "региональное Центральной Азии Алматинского процесса рекомендации рекомендаций доклад доклада обмен опытом "
    "практики практик меры мер поддержка поддержки"
).split()
GENERAL_ENGLISH = (
    "meeting meetings participants states cooperation regional Central Asia Almaty process recommendations "
    "report exchange experience practices measures support dialogue governments"
).split()
RUSSIAN_FILLER = "и в на по с для о что как а также при это его их все был была были между".split()
ENGLISH_FILLER = "the of and to in for on with a is are was were by as at from that this".split()

QUERIES = [
    "беженцев",
    "трудовой миграции",
    '"торговли людьми"',
    "апатридов",
    "реадмиссия OR возвращение",
    "защита беженцев -детей",
    "региональное сотрудничество",
    "refugees",
    "labour migration",
    '"human trafficking"',
    "readmission",
    "asylum OR statelessness",
    "border management -smuggling",
    "regional cooperation",
]


def pick_topics(rng):
    weights = [share for share, _ru, _en in TOPICS]
    return rng.choices(range(len(TOPICS)), weights=weights, k=rng.choice([1, 1, 2]))


def sentence(rng, language, topics, length):
    topic_words = [TOPICS[topic][1 if language == "ru" else 2].split() for topic in topics]
    general = GENERAL_RUSSIAN if language == "ru" else GENERAL_ENGLISH
    filler = RUSSIAN_FILLER if language == "ru" else ENGLISH_FILLER
    picked = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.35:
            picked.append(rng.choice(filler))
        elif roll < 0.7:
            picked.append(rng.choice(rng.choice(topic_words)))
        else:
            picked.append(rng.choice(general))
    return " ".join(picked).capitalize() + "."


def text(rng, language, topics, sentences):
    return " ".join(sentence(rng, language, topics, rng.randint(8, 20)) for _ in range(sentences))


def generate(documents: int, meetings: int, seed: int = 4) -> None:
    rng = random.Random(seed)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        DocumentFile.objects.all().delete()
        Document.objects.all().delete()
        Meeting.objects.all().delete()
        State.objects.all().delete()
        Organisation.objects.all().delete()
        processes = Organisation.objects.bulk_create(
            Organisation(name_ru=f"Процесс {n}", name_en=f"Process {n}", slug=f"process-{n}", kind="process")
            for n in range(6)
        )
        organisations = Organisation.objects.bulk_create(
            Organisation(name_ru=f"Организация {n}", name_en=f"Organisation {n}", slug=f"org-{n}", kind="international")
            for n in range(40)
        )
        states = State.objects.bulk_create(
            State(
                name_ru=f"Государство {n}",
                name_en=f"State {n}",
                slug=f"state-{n}",
                iso_alpha2=f"{chr(65 + n // 26)}{chr(65 + n % 26)}",
                iso_alpha3=f"X{chr(65 + n // 26)}{chr(65 + n % 26)}",
                status="member",
            )
            for n in range(30)
        )
        start = datetime.date(2003, 1, 1)
        meeting_rows = []
        for n in range(meetings):
            day = start + datetime.timedelta(days=rng.randint(0, 23 * 365))
            meeting_rows.append(
                Meeting(
                    title_ru=f"Совещание старших должностных лиц № {n}",
                    title_en=f"Senior officials meeting No. {n}",
                    slug=f"meeting-{n}",
                    kind="som",
                    process=rng.choice(processes),
                    start_date=day,
                    end_date=day,
                    summary_ru=text(rng, "ru", [0], 2),
                    summary_en=text(rng, "en", [0], 2),
                    publication_status=PUBLISHED,
                )
            )
        meeting_objects = Meeting.objects.bulk_create(meeting_rows, batch_size=1000)
        # Who came: 8 to 20 states per meeting, most present (the state pages and the matrix read these).
        attendance = [Participation.Attendance.ATTENDED] * 5 + [Participation.Attendance.DID_NOT_ATTEND]
        Participation.objects.bulk_create(
            (
                Participation(meeting=meeting, state=state, attendance=rng.choice(attendance))
                for meeting in meeting_objects
                for state in rng.sample(states, rng.randint(8, 20))
            ),
            batch_size=5000,
        )
        print(f"{len(meeting_objects)} meetings, {Participation.objects.count()} participations", flush=True)
    kinds = [value for value, _label in Document.Kind.choices]
    batch = 2000
    for offset in range(0, documents, batch):
        with transaction.atomic():
            rows, row_topics = [], []
            for _ in range(min(batch, documents - offset)):
                meeting = rng.choice(meeting_objects)
                topics = pick_topics(rng)
                roll = rng.random()
                rows.append(
                    Document(
                        title_ru=sentence(rng, "ru", topics, rng.randint(4, 9))[:-1],
                        title_en=sentence(rng, "en", topics, rng.randint(4, 9))[:-1],
                        summary_ru=text(rng, "ru", topics, rng.randint(1, 3)),
                        summary_en=text(rng, "en", topics, rng.randint(1, 3)),
                        kind=rng.choice(kinds),
                        date=meeting.start_date + datetime.timedelta(days=rng.randint(-30, 30)),
                        meeting=meeting,
                        # 5 % drafts and 3 % for delegates only: the public must never count them.
                        publication_status=PUBLISHED if roll > 0.05 else Publishable.PublicationStatus.DRAFT,
                        audience=Audience.DELEGATES if 0.05 < roll < 0.08 else Audience.PUBLIC,
                    )
                )
                row_topics.append(topics)
            created = Document.objects.bulk_create(rows)
            files, state_links, organisation_links = [], [], []
            for document, topics in zip(created, row_topics, strict=True):
                languages = ["ru", "en"] if rng.random() < 0.5 else [rng.choice(["ru", "en"])]
                for language in languages:
                    files.append(
                        DocumentFile(
                            document=document,
                            language=language,
                            file=f"bench/{document.pk}-{language}.pdf",
                            original_name=f"{document.pk}-{language}.pdf",
                            content_type="application/pdf",
                            sha256=f"{document.pk:032x}{language:0>32}"[:64],
                            extraction_status=ExtractionStatus.DONE,
                            # About two to five pages of text.
                            extracted_text=text(rng, language, topics, rng.randint(20, 60)),
                        )
                    )
                for state in rng.sample(states, rng.randint(0, 3)):
                    state_links.append(Document.states.through(document_id=document.pk, state_id=state.pk))
                for organisation in rng.sample(organisations, rng.randint(0, 2)):
                    organisation_links.append(
                        Document.organisations.through(document_id=document.pk, organisation_id=organisation.pk)
                    )
            DocumentFile.objects.bulk_create(files)
            Document.states.through.objects.bulk_create(state_links)
            Document.organisations.through.objects.bulk_create(organisation_links)
        print(f"{offset + len(rows)} documents ({time.perf_counter() - started:.0f} s)", flush=True)
    indexing_started = time.perf_counter()
    rebuild_index(batch_size=1000, progress=lambda done: done % 10000 == 0 and print(f"indexed {done}", flush=True))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The rebuild inserts entries and then updates them with their vectors: compact the table.
            cursor.execute("SET statement_timeout = 0")  # DATABASE_STATEMENT_TIMEOUT is for requests
            cursor.execute("VACUUM FULL search_searchentry")
            cursor.execute("VACUUM ANALYZE")
    print(f"indexing: {time.perf_counter() - indexing_started:.0f} s; total {time.perf_counter() - started:.0f} s")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def one_search(params):
    """What the document list does for one request: filter, rank, count, first page, snippets."""
    filterset = DocumentFilter(params, queryset=Document.objects.visible_to(AnonymousUser()))
    assert filterset.is_valid(), filterset.errors
    documents, snippets = find_documents(filterset)
    items = filterset.queryset.select_related("meeting").prefetch_related(listing_files(AnonymousUser()))
    page = CountingPaginator(documents, 25, ranking=indexed_ranking(filterset), items=items).page(1)
    shown = with_snippets(page.object_list, snippets)
    return filterset, page.paginator.count, shown


def measure(repeats: int) -> None:
    print(
        f"database: {connection.vendor}; documents: {Document.objects.count()}, "
        f"files: {DocumentFile.objects.count()}, meetings: {Meeting.objects.count()}"
    )
    search_times, facet_times = [], []
    print(f"{'query':32} {'matches':>8} {'median ms':>10} {'max ms':>8}")
    for query in QUERIES:
        params = QueryDict(mutable=True)
        params["q"] = query
        one_search(params)  # warm the cache as a busy site would be
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            _filterset, count, _shown = one_search(params)
            times.append((time.perf_counter() - began) * 1000)
        search_times += times
        print(f"{query:32} {count:>8} {statistics.median(times):>10.1f} {max(times):>8.1f}")
    print(
        f"search: median {statistics.median(search_times):.1f} ms, p95 {percentile(search_times, 0.95):.1f} ms "
        f"over {len(search_times)} searches"
    )
    facet_cases = [
        {},
        {"q": "беженцев"},
        {"q": "refugees"},
        {"q": "regional cooperation"},
        {"kind": "report", "year": "2015"},
    ]
    for case in facet_cases:
        params = QueryDict(mutable=True)
        for key, value in case.items():
            params[key] = value
        filterset = DocumentFilter(params, queryset=Document.objects.visible_to(AnonymousUser()))
        assert filterset.is_valid()
        document_facets(filterset, params)
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            document_facets(filterset, params)
            times.append((time.perf_counter() - began) * 1000)
        facet_times += times
        label = "&".join(f"{key}={value}" for key, value in case.items()) or "(no filter)"
        print(f"facets {label:32} median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
    print(f"facets: median {statistics.median(facet_times):.1f} ms, p95 {percentile(facet_times, 0.95):.1f} ms")


# The pages a reader searches from: the archive's list and the site-wide search (all its groups).
READER_PAGES = {"list": "/ru/documents/?q={}", "site": "/ru/search/?q={}"}
# Queries whose words are glossary terms (demo/glossary.csv), so that the expansion adds phrases.
READER_QUERIES = [
    "беженцев",
    "торговли людьми",
    "трудовой миграции",
    "региональное сотрудничество",
    "refugees",
    "statelessness",
]
STAFF_EMAIL = "perf-staff@example.org"
DELEGATE_EMAIL = "perf-delegate@example.org"


def readers() -> dict:
    """A client per kind of reader: anonymous, a delegate of a participating state, staff.

    The glossary is loaded from the demo's CSV if the archive has none: the expansion is part of a search.
    """
    if not Term.objects.exists():
        load_glossary()
    users = get_user_model().objects
    staff, _ = users.get_or_create(username=STAFF_EMAIL, defaults={"email": STAFF_EMAIL, "is_staff": True})
    delegate, _ = users.get_or_create(username=DELEGATE_EMAIL, defaults={"email": DELEGATE_EMAIL})
    state = State.objects.participating().order_by("pk").first()
    Delegate.objects.get_or_create(user=delegate, defaults={"state": state})
    # "anonymous" is answered from the page cache after the warm-up; "uncached" is the same reader without it.
    clients = {"anonymous": Client(HTTP_HOST="localhost"), "uncached": Client(HTTP_HOST="localhost")}
    for name, user in (("delegate", delegate), ("staff", staff)):
        clients[name] = Client(HTTP_HOST="localhost")
        clients[name].force_login(user)
    return clients


def slowest_queries(client, address: str, count: int = 5, cold: bool = False) -> list[tuple[float, str]]:
    """The number of statements of one request, then its `count` slowest (ms, SQL); `cold` as in measure_readers."""
    if cold:
        invalidate()
    with CaptureQueriesContext(connection) as captured:
        client.get(address)
    timed = sorted(((float(query["time"]) * 1000, query["sql"]) for query in captured), reverse=True)
    return [(len(captured), "")] + timed[:count]


def measure_readers(repeats: int, names: list[str], pages: list[str], explain: bool, cold: bool = False) -> None:
    """p50 and p95 of whole requests (middleware, view, template) per reader, page and query.

    Repeated requests reuse what the first one shared (core.pagecache.remember: a search's counts and
    first ids), as on a busy site; with `cold`, the content version moves before each request.
    """
    clients = readers()
    print(f"load average: {os.getloadavg()}")
    print(f"{'reader':10} {'page':5} {'query':30} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    summary = {}
    for name in names:
        client = clients[name]
        settings = override_settings(PAGE_CACHE_SECONDS=0) if name == "uncached" else contextlib.nullcontext()
        settings.__enter__()
        for page in pages:
            times_all = []
            for query in READER_QUERIES:
                address = READER_PAGES[page].format(urllib.parse.quote(query))
                response = client.get(address)  # warm the cache as a busy site would be
                assert response.status_code == 200, (address, response.status_code)
                times = []
                for _ in range(repeats):
                    if cold:
                        invalidate()  # nothing shared from an earlier request: every search computed afresh
                    began = time.perf_counter()
                    client.get(address)
                    times.append((time.perf_counter() - began) * 1000)
                times_all += times
                queries = slowest_queries(client, address, cold=cold)
                print(
                    f"{name:10} {page:5} {query:30} {statistics.median(times):>8.1f} "
                    f"{percentile(times, 0.95):>8.1f} {queries[0][0]:>8}",
                    flush=True,
                )
                if explain:
                    for elapsed, sql in queries[1:]:
                        print(f"    {elapsed:7.1f} ms  {sql[:300]}")
            summary[(name, page)] = (statistics.median(times_all), percentile(times_all, 0.95))
        settings.__exit__(None, None, None)
    print(f"load average: {os.getloadavg()}")
    for (name, page), (median, p95) in summary.items():
        print(f"{name:10} {page:5} all queries: p50 {median:.1f} ms, p95 {p95:.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    generate_parser = commands.add_parser("generate", help="create the archive (replaces what is there)")
    generate_parser.add_argument("--documents", type=int, default=100_000)
    generate_parser.add_argument("--meetings", type=int, default=2_000)
    measure_parser = commands.add_parser("measure", help="time searches and facet counts")
    measure_parser.add_argument("--repeats", type=int, default=10)
    readers_parser = commands.add_parser(
        "readers", help="time whole search requests (archive list, site search) per kind of reader"
    )
    readers_parser.add_argument("--repeats", type=int, default=10)
    readers_parser.add_argument("--readers", default="anonymous,uncached,delegate,staff")
    readers_parser.add_argument("--pages", default="list,site")
    readers_parser.add_argument("--explain", action="store_true", help="print each request's slowest SQL")
    readers_parser.add_argument("--cold", action="store_true", help="share nothing between requests")
    arguments = parser.parse_args()
    if arguments.command == "generate":
        generate(arguments.documents, arguments.meetings)
    elif arguments.command == "readers":
        names, pages = arguments.readers.split(","), arguments.pages.split(",")
        measure_readers(arguments.repeats, names, pages, arguments.explain, arguments.cold)
    else:
        measure(arguments.repeats)


if __name__ == "__main__":
    main()
