"""The demo's media monitoring: the news item of seed 004 as a monitoring item, and a sample information sheet.

What is real: the seed 004 item (a news page of the Kazakhstan Institute for Strategic Studies, KazISS, on the
UNRCCA delegation's visit of 20 April 2022); its headline is the page's own, its summary our words. The seed
gives no address for the page, so the item has none. Everything else here is a sample and says so on the page
(«Учебный пример» / "Illustrative example"): the second item, which no outlet published, and the sheet.
"""

import datetime

from core.models import Publishable
from demo.data import T
from demo.records import both, upsert
from monitoring.models import InformationSheet, MonitoringItem, SourceLanguage, Topic
from pages.models import NewsItem
from participants.models import State

PUBLISHED = Publishable.PublicationStatus.PUBLISHED

TOPICS = [
    ("regional-cooperation", T("Региональное сотрудничество", "Regional cooperation")),
    ("afghanistan", T("Положение в Афганистане", "Situation in Afghanistan")),
    ("refugees", T("Беженцы и лица, ищущие убежища", "Refugees and asylum-seekers")),
    ("labour-migration", T("Трудовая миграция", "Labour migration")),
    ("statelessness", T("Безгражданство", "Statelessness")),
]

# Seed 004's headline as the institute published it (the seed writes "un" in lower case): a title cited as
# bibliographic data, like a document's title, not a sentence of its text.
SEED_004_HEADLINE = (
    "A meeting with the head of the UN Regional Center for Preventive Diplomacy in Central Asia was held in KAZISS"
)
SEED_004_SUMMARY = T(
    "Руководство КазИСИ приняло делегацию ООН во главе с главой РЦПДЦА Натальей Герман. Собеседники условились "
    "и дальше ежегодно проводить Центральноазиатский экспертный форум, обсудили гуманитарное положение в "
    "Афганистане, продовольственную безопасность региона и реформы в Казахстане.",
    "KazISS received a UN delegation led by the head of UNRCCA, Natalia Gherman. The two sides agreed to keep "
    "the Central Asian Expert Forum going every year and talked about the humanitarian situation in Afghanistan, "
    "food security in the region and Kazakhstan's reforms.",
)

SAMPLE_URL = "https://example.org/monitoring/sample-item-april-2022"
SAMPLE_SUMMARY = T(
    "Учебный пример: так выглядит материал мониторинга с адресом, темами и кратким содержанием. Такой статьи нет.",
    "Illustrative example: this is how a monitoring item looks with its address, topics and summary. No such "
    "article exists.",
)

SHEET_SLUG = "april-2022-example"
SHEET_TITLE = T(
    "Информационный бюллетень за апрель 2022\u00a0г. (учебный пример)",
    "Information sheet, April 2022 (illustrative example)",
)
SHEET_INTRODUCTION = T(
    "Учебный пример, составленный командой портала, чтобы показать, как устроены совместные информационные "
    "бюллетени секретариата. Секретариат его не выпускал. Реальны только материал КазИСИ и новость о нём.",
    "An illustrative example compiled by the portal team to show how the secretariat's joint information sheets "
    "work. The secretariat did not issue it. Only the KazISS item and the news about it are real.",
)


def load_monitoring() -> InformationSheet:
    topics = {slug: upsert(Topic, {"slug": slug}, **both("name", name)) for slug, name in TOPICS}
    states = {state.slug: state for state in State.objects.filter(slug__in=["kazakhstan", "afghanistan"])}

    seed_item = upsert(
        MonitoringItem,
        {"headline": SEED_004_HEADLINE},
        outlet="KazISS",
        url="",
        date=datetime.date(2022, 4, 20),
        language=SourceLanguage.ENGLISH,
        publication_status=PUBLISHED,
        is_illustrative=False,
        **both("summary", SEED_004_SUMMARY),
    )
    seed_item.states.set(states.values())
    seed_item.topics.set([topics["regional-cooperation"], topics["afghanistan"]])

    sample_item = upsert(
        MonitoringItem,
        {"url": SAMPLE_URL},
        headline="Пример: миграционная статистика за апрель",
        outlet="example.org",
        date=datetime.date(2022, 4, 28),
        language=SourceLanguage.RUSSIAN,
        publication_status=PUBLISHED,
        is_illustrative=True,
        **both("summary", SAMPLE_SUMMARY),
    )
    sample_item.topics.set([topics["labour-migration"]])

    sheet = upsert(
        InformationSheet,
        {"slug": SHEET_SLUG},
        period_start=datetime.date(2022, 4, 1),
        period_end=datetime.date(2022, 4, 30),
        publication_status=PUBLISHED,
        is_illustrative=True,
        **both("title", SHEET_TITLE),
        **both("introduction", SHEET_INTRODUCTION),
    )
    sheet.monitoring_items.set([seed_item, sample_item])
    sheet.news.set(NewsItem.objects.filter(slug="unrcca-meets-kaziss-2022"))
    return sheet
