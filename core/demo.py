"""Demonstration content: a believable, bilingual portal built from the facts of the seed documents.

Everything here is written in the project's own words; the seeds give names,
dates, places and attendance only. Objects are keyed on slugs, ISO codes or
English titles, so loading twice changes nothing. Objects are validated with
full_clean() before they are saved, as an editor's form would.
"""

import datetime
from dataclasses import dataclass, replace
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from core.models import Publishable
from documents.models import Document, DocumentFile
from meetings.models import Meeting, OutcomeStatement, Participation, StatementParagraph
from meetings.statement_import import decode_text, import_statement, parse_numbered_paragraphs
from pages.models import NewsItem, Page
from participants.models import FocalPoint, Organisation, State

PUBLISHED = Publishable.PublicationStatus.PUBLISHED
DRAFT = Publishable.PublicationStatus.DRAFT
SEED_STATEMENT = "001_f5bf1f298d79ffb4.txt"
SEED_BUDAPEST = "002_534ba1215e34b119.txt"


@dataclass(frozen=True)
class T:
    """One text in Russian and English."""

    ru: str
    en: str


def both(name: str, text: T) -> dict[str, str]:
    return {f"{name}_ru": text.ru, f"{name}_en": text.en}


def upsert(model, lookup: dict, **values):
    """Create or update the object found by `lookup`, validating it first."""
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


# --- States ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateData:
    slug: str
    alpha2: str
    alpha3: str
    name: T
    official_name: T
    status: str = State.Status.NONE


MEMBER = State.Status.MEMBER
# China takes part in the meetings but, unlike the others, has not joined the process as a
# participating state; the seed's "member and observer states" leaves the split open, and
# China as the one observer is the reading used throughout the demo.
OBSERVER = State.Status.OBSERVER

STATES = [
    # The participants of the Third Senior Officials Meeting (seed 001).
    StateData("afghanistan", "AF", "AFG", T("Афганистан", "Afghanistan"),
              T("Исламская Республика Афганистан", "Islamic Republic of Afghanistan"), MEMBER),
    StateData("azerbaijan", "AZ", "AZE", T("Азербайджан", "Azerbaijan"),
              T("Азербайджанская Республика", "Republic of Azerbaijan"), MEMBER),
    StateData("china", "CN", "CHN", T("Китай", "China"),
              T("Китайская Народная Республика", "People's Republic of China"), OBSERVER),
    StateData("iran", "IR", "IRN", T("Иран", "Iran"),
              T("Исламская Республика Иран", "Islamic Republic of Iran"), MEMBER),
    StateData("kazakhstan", "KZ", "KAZ", T("Казахстан", "Kazakhstan"),
              T("Республика Казахстан", "Republic of Kazakhstan"), MEMBER),
    StateData("kyrgyzstan", "KG", "KGZ", T("Кыргызстан", "Kyrgyzstan"),
              T("Кыргызская Республика", "Kyrgyz Republic"), MEMBER),
    StateData("pakistan", "PK", "PAK", T("Пакистан", "Pakistan"),
              T("Исламская Республика Пакистан", "Islamic Republic of Pakistan"), MEMBER),
    StateData("tajikistan", "TJ", "TJK", T("Таджикистан", "Tajikistan"),
              T("Республика Таджикистан", "Republic of Tajikistan"), MEMBER),
    # The United Nations has used "Türkiye" since 2022; the slug keeps the older English name stable.
    StateData("turkey", "TR", "TUR", T("Турция", "Türkiye"),
              T("Турецкая Республика", "Republic of Türkiye"), MEMBER),
    StateData("turkmenistan", "TM", "TKM", T("Туркменистан", "Turkmenistan"),
              T("Туркменистан", "Turkmenistan"), MEMBER),
    # States that appear in the archive (partner and predecessor processes) without taking part.
    StateData("uzbekistan", "UZ", "UZB", T("Узбекистан", "Uzbekistan"),
              T("Республика Узбекистан", "Republic of Uzbekistan")),
    StateData("russia", "RU", "RUS", T("Россия", "Russia"), T("Российская Федерация", "Russian Federation")),
    StateData("armenia", "AM", "ARM", T("Армения", "Armenia"), T("Республика Армения", "Republic of Armenia")),
    StateData("belarus", "BY", "BLR", T("Беларусь", "Belarus"), T("Республика Беларусь", "Republic of Belarus")),
    StateData("georgia", "GE", "GEO", T("Грузия", "Georgia"), T("Грузия", "Georgia")),
    StateData("moldova", "MD", "MDA", T("Молдова", "Moldova"), T("Республика Молдова", "Republic of Moldova")),
    StateData("ukraine", "UA", "UKR", T("Украина", "Ukraine"), T("Украина", "Ukraine")),
    StateData("bulgaria", "BG", "BGR", T("Болгария", "Bulgaria"), T("Республика Болгария", "Republic of Bulgaria")),
    StateData("hungary", "HU", "HUN", T("Венгрия", "Hungary"), T("Венгрия", "Hungary")),
    StateData("switzerland", "CH", "CHE", T("Швейцария", "Switzerland"),
              T("Швейцарская Конфедерация", "Swiss Confederation")),
]

# The members listed at the Third Senior Officials Meeting; the process was launched in 2013.
YEAR_JOINED = 2013

PROFILES = {
    "kazakhstan": T(
        "Казахстан принимает у себя многие встречи процесса; в Алматы была принята декларация, "
        "с которой начался процесс.",
        "Kazakhstan hosts many of the process's meetings; the declaration that started the process "
        "was adopted in Almaty.",
    ),
    "kyrgyzstan": T(
        "Кыргызская Республика председательствовала в процессе во время Третьей встречи высших должностных лиц.",
        "The Kyrgyz Republic chaired the process at the time of the Third Senior Officials Meeting.",
    ),
    "china": T(
        "Китай участвует во встречах процесса в качестве наблюдателя.",
        "China follows the process's meetings as an observer.",
    ),
}


@dataclass(frozen=True)
class FocalPointData:
    state: str
    name: T
    institution: T
    email: str
    is_public: bool


# Placeholders, not real people: the demo must not publish anyone's contact details.
FOCAL_POINTS = [
    FocalPointData(
        "kazakhstan",
        T("Координатор Министерства труда и социальной защиты населения",
          "Focal point of the Ministry of Labour and Social Protection"),
        T("Министерство труда и социальной защиты населения (пример)",
          "Ministry of Labour and Social Protection (example)"),
        "focal.point.kz@example.org",
        True,
    ),
    FocalPointData(
        "kyrgyzstan",
        T("Координатор Министерства иностранных дел", "Focal point of the Ministry of Foreign Affairs"),
        T("Министерство иностранных дел (пример)", "Ministry of Foreign Affairs (example)"),
        "focal.point.kg@example.org",
        True,
    ),
    FocalPointData(
        "tajikistan",
        T("Координатор Министерства внутренних дел", "Focal point of the Ministry of Internal Affairs"),
        T("Министерство внутренних дел (пример)", "Ministry of Internal Affairs (example)"),
        "focal.point.tj@example.org",
        False,
    ),
    FocalPointData(
        "afghanistan",
        T("Координатор Министерства по делам беженцев и репатриации",
          "Focal point of the Ministry of Refugees and Repatriation"),
        T("Министерство по делам беженцев и репатриации (пример)", "Ministry of Refugees and Repatriation (example)"),
        "focal.point.af@example.org",
        False,
    ),
]


def load_states() -> dict[str, State]:
    states = {}
    for data in STATES:
        states[data.slug] = upsert(
            State,
            {"iso_alpha2": data.alpha2},
            slug=data.slug,
            iso_alpha3=data.alpha3,
            status=data.status,
            year_joined=YEAR_JOINED if data.status == MEMBER else None,
            **both("name", data.name),
            **both("official_name", data.official_name),
            **both("profile", PROFILES.get(data.slug, T("", ""))),
        )
    for data in FOCAL_POINTS:
        state = states[data.state]
        upsert(
            FocalPoint,
            {"state": state, "name_en": data.name.en},
            name_ru=data.name.ru,
            **both("institution", data.institution),
            **both("position", T("Национальный координатор", "National focal point")),
            email=data.email,
            is_public=data.is_public,
        )
    return states


# --- Organisations and processes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationData:
    slug: str
    kind: str
    role: str
    name: T
    acronym: T
    website: str = ""
    description: T = T("", "")


Kind = Organisation.Kind
Role = Organisation.Role

ORGANISATIONS = [
    OrganisationData(
        "unhcr", Kind.UN_AGENCY, Role.SECRETARIAT,
        T("Управление Верховного комиссара ООН по делам беженцев", "Office of the United Nations High Commissioner "
          "for Refugees"),
        T("УВКБ ООН", "UNHCR"), "https://www.unhcr.org/",
        T("Агентство ООН, которое защищает беженцев, лиц без гражданства и вынужденно перемещённых лиц. "
          "Вместе с МОМ обеспечивает работу секретариата Алматинского процесса.",
          "The UN agency that protects refugees, stateless people and the forcibly displaced. "
          "Runs the Almaty Process secretariat together with IOM."),
    ),
    OrganisationData(
        "iom", Kind.INTERNATIONAL, Role.SECRETARIAT,
        T("Международная организация по миграции", "International Organization for Migration"),
        T("МОМ", "IOM"), "https://www.iom.int/",
        T("Межправительственная организация системы ООН по вопросам миграции. "
          "Вместе с УВКБ ООН обеспечивает работу секретариата Алматинского процесса.",
          "The UN system's intergovernmental organisation for migration. "
          "Runs the Almaty Process secretariat together with UNHCR."),
    ),
    OrganisationData(
        "icmpd", Kind.INTERNATIONAL, Role.PARTNER,
        T("Международный центр по развитию миграционной политики",
          "International Centre for Migration Policy Development"),
        T("МЦРМП", "ICMPD"), "https://www.icmpd.org/",
        T("Международная организация со штаб-квартирой в Вене; ведёт секретариат Будапештского процесса.",
          "An international organisation based in Vienna; it runs the Budapest Process secretariat."),
    ),
    OrganisationData(
        "council-of-europe", Kind.INTERNATIONAL, Role.OTHER,
        T("Совет Европы", "Council of Europe"), T("СЕ", "CoE"), "https://www.coe.int/",
        T("Входил в совместный секретариат Процесса Конференции СНГ на его последнем этапе.",
          "Joined the joint secretariat of the CIS Conference Process in its later years."),
    ),
    OrganisationData(
        "undp", Kind.UN_AGENCY, Role.OTHER,
        T("Программа развития Организации Объединённых Наций", "United Nations Development Programme"),
        T("ПРООН", "UNDP"), "https://www.undp.org/",
    ),
    OrganisationData(
        "osce", Kind.INTERNATIONAL, Role.OTHER,
        T("Организация по безопасности и сотрудничеству в Европе",
          "Organization for Security and Co-operation in Europe"),
        T("ОБСЕ", "OSCE"), "https://www.osce.org/",
        T("Одна из организаций совместного секретариата Процесса Конференции СНГ.",
          "One of the organisations of the CIS Conference Process's joint secretariat."),
    ),
    OrganisationData(
        "ilo", Kind.UN_AGENCY, Role.OTHER,
        T("Международная организация труда", "International Labour Organization"), T("МОТ", "ILO"),
        "https://www.ilo.org/",
    ),
    OrganisationData(
        "danish-refugee-council", Kind.NGO, Role.OTHER,
        T("Датский совет по делам беженцев", "Danish Refugee Council"), T("ДСБ", "DRC"), "https://drc.ngo/",
    ),
    OrganisationData(
        "gyla", Kind.NGO, Role.OTHER,
        T("Ассоциация молодых юристов Грузии", "Georgian Young Lawyers' Association"), T("АМЮГ", "GYLA"),
        "https://gyla.ge/",
    ),
    OrganisationData(
        "nonviolence-international", Kind.NGO, Role.OTHER,
        T("Международная организация «Ненасилие»", "Nonviolence International"), T("", ""),
    ),
    OrganisationData(
        "unrcca", Kind.UN_AGENCY, Role.OTHER,
        T("Региональный центр ООН по превентивной дипломатии для Центральной Азии",
          "United Nations Regional Centre for Preventive Diplomacy for Central Asia"),
        T("РЦПДЦА", "UNRCCA"), "https://unrcca.unmissions.org/",
    ),
    OrganisationData(
        "kaziss", Kind.RESEARCH, Role.OTHER,
        T("Казахстанский институт стратегических исследований при Президенте Республики Казахстан",
          "Kazakhstan Institute for Strategic Studies under the President of the Republic of Kazakhstan"),
        T("КазИСИ", "KazISS"), "https://kisi.kz/",
    ),
]

ALMATY_PROCESS = T(
    "Алматинский процесс — региональный консультативный процесс по защите беженцев и международной миграции "
    "в Центральной Азии, из неё и внутри неё. Государства-участники обсуждают смешанные миграционные потоки "
    "и договариваются о совместных ответах на них.",
    "The Almaty Process is a regional consultative process on refugee protection and international migration "
    "to, from and within Central Asia. Its participating states discuss mixed migration and agree on joint "
    "responses to it.",
)

BUDAPEST_PROCESS = {
    "description": T(
        "Будапештский процесс — консультативный форум по миграции, в котором участвуют более 50 правительств "
        "и 10 международных организаций. За два с лишним десятилетия он вырос из обмена информацией между "
        "европейскими странами накануне расширения ЕС в диалог, охватывающий Европу и Азию. С 2006 года "
        "председательствует Турция, сопредседательствует Венгрия; секретариат ведёт МЦРМП.\n\n"
        "После принятия в 2013 году Стамбульской министерской декларации главное направление работы — "
        "Партнёрство по вопросам миграции в регионе Шёлкового пути с Афганистаном, Бангладеш, Ираком, Ираном "
        "и Пакистаном. Старшие должностные лица собираются ежегодно, а между их встречами работают три "
        "региональные рабочие группы: по Шёлковому пути, по Юго-Восточной Европе и по Черноморскому региону.",
        "The Budapest Process is a consultative forum on migration with more than 50 governments and "
        "10 international organisations. Over more than two decades it has grown from an exchange among European "
        "countries before EU enlargement into a dialogue spanning Europe and Asia. Turkey has chaired it since "
        "2006, with Hungary as co-chair; ICMPD runs the secretariat.\n\n"
        "Since the 2013 Istanbul Ministerial Declaration its main line of work has been the Silk Routes "
        "Partnership for Migration with Afghanistan, Bangladesh, Iran, Iraq and Pakistan. Senior officials meet "
        "every year; between their meetings three regional working groups meet: on the Silk Routes, on "
        "South-East Europe and on the Black Sea region.",
    ),
    "activities_in_central_asia": T(
        "С 2010 года представители Казахстана, Кыргызстана, Таджикистана и Узбекистана участвуют в ежегодных "
        "встречах старших должностных лиц, в рабочих группах по Шёлковому пути, Черноморскому региону и "
        "Юго-Восточной Европе, а также участвовали в 5-й министерской конференции (Стамбул, 2013). "
        "В ноябре 2014 года в Душанбе прошла 5-я встреча рабочей группы по Шёлковому пути, в мае 2015 года "
        "в Алматы — встреча проекта, посвящённого странам СНГ.\n\n"
        "В 2014–2017 годах проект поддержки Партнёрства Шёлкового пути помогает государственным служащим "
        "повышать квалификацию, совершенствовать сбор миграционных данных и готовить национальную "
        "миграционную политику.",
        "Since 2010 officials from Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan have attended the annual "
        "senior officials meetings and the working groups on the Silk Routes, the Black Sea and South-East "
        "Europe, as well as the 5th Ministerial Conference (Istanbul, 2013). The 5th Silk Routes working group "
        "met in Dushanbe in November 2014, and a project meeting on the CIS countries took place in Almaty in "
        "May 2015.\n\n"
        "From 2014 to 2017 a project in support of the Silk Routes Partnership helps government officials build "
        "their skills, improve migration data and prepare national migration policies.",
    ),
    "best_practices": T(
        "• постоянные каналы связи между государствами — от экспертов до министров;\n"
        "• личные рабочие контакты, которые сохраняются и при напряжённых отношениях между странами;\n"
        "• возможность за одну встречу поговорить с коллегами из 20–40 стран;\n"
        "• неформальные беседы в кулуарах, помогающие сдвинуть с места трудные переговоры;\n"
        "• лучшее понимание миграционной ситуации в других странах;\n"
        "• идеи проектов, рождающиеся из диалога, и обмен знаниями между коллегами.",
        "• standing channels of communication between states, from experts to ministers;\n"
        "• personal working contacts that last even when relations between countries are strained;\n"
        "• the chance to talk to counterparts from 20 to 40 countries at a single meeting;\n"
        "• informal talks on the side-lines that help move difficult negotiations forward;\n"
        "• a better grasp of the migration situation in other countries;\n"
        "• project ideas that grow out of the dialogue, and knowledge shared between peers.",
    ),
    "contact_details": T(
        "Секретариат Будапештского процесса, МЦРМП\nГонзагагассе 1, 5-й этаж, 1010 Вена, Австрия\n"
        "Тел.: +43 1 504 4677 0\nЭл. почта: budapestprocess@icmpd.org\nСайт: www.budapestprocess.org",
        "Budapest Process Secretariat, ICMPD\nGonzagagasse 1, 5th floor, 1010 Vienna, Austria\n"
        "Tel.: +43 1 504 4677 0\nE-mail: budapestprocess@icmpd.org\nWebsite: www.budapestprocess.org",
    ),
}

CIS_PROCESS = T(
    "Процесс Конференции СНГ начался после Женевской конференции 1996 года. Он был посвящён проблемам "
    "беженцев, вынужденных переселенцев, репатриантов и лиц без гражданства, возникшим в странах СНГ и "
    "соседних государствах после распада Советского Союза. Совместный секретариат вели УВКБ ООН, МОМ и ОБСЕ, "
    "позднее к ним присоединился Совет Европы. Процесс завершился встречей в Женеве 10 октября 2005 года; "
    "его архив хранится здесь как предыстория сегодняшнего регионального диалога.",
    "The CIS Conference Process grew out of the 1996 Geneva conference. It dealt with the refugees, displaced "
    "people, returnees and stateless people left in the CIS countries and their neighbours by the break-up of "
    "the Soviet Union. UNHCR, IOM and the OSCE ran a joint secretariat, later joined by the Council of Europe. "
    "The process ended with a meeting in Geneva on 10 October 2005; its record is kept here as background to "
    "today's regional dialogue.",
)


def load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for data in ORGANISATIONS:
        organisations[data.slug] = upsert(
            Organisation,
            {"slug": data.slug},
            kind=data.kind,
            role=data.role,
            website=data.website,
            **both("name", data.name),
            **both("acronym", data.acronym),
            **both("description", data.description),
        )
    # The Almaty Process has a joint secretariat, which the single secretariat field cannot hold:
    # UNHCR and IOM carry the secretariat role instead and the field stays empty.
    organisations["almaty-process"] = upsert(
        Organisation,
        {"slug": settings.HOME_PROCESS_SLUG},
        kind=Kind.PROCESS,
        role=Role.OTHER,
        secretariat=None,
        **both("name", T("Алматинский процесс", "Almaty Process")),
        **both("acronym", T("", "")),
        **both("description", ALMATY_PROCESS),
    )
    organisations["budapest-process"] = upsert(
        Organisation,
        {"slug": "budapest-process"},
        kind=Kind.PROCESS,
        role=Role.PARTNER,
        website="https://www.budapestprocess.org/",
        secretariat=organisations["icmpd"],
        **both("name", T("Будапештский процесс", "Budapest Process")),
        **both("acronym", T("", "")),
        **{key: value for name, text in BUDAPEST_PROCESS.items() for key, value in both(name, text).items()},
    )
    organisations["cis-conference-process"] = upsert(
        Organisation,
        {"slug": "cis-conference-process"},
        kind=Kind.PROCESS,
        # A predecessor rather than a partner: the process ended in 2005.
        role=Role.OTHER,
        **both("name", T("Процесс Конференции СНГ", "CIS Conference Process")),
        **both("acronym", T("", "")),
        **both("description", CIS_PROCESS),
    )
    return organisations


# --- Meetings ----------------------------------------------------------------------------------------------------

CITIES = {
    "almaty": T("Алматы", "Almaty"),
    "istanbul": T("Стамбул", "Istanbul"),
    "ankara": T("Анкара", "Ankara"),
    "nevsehir": T("Невшехир", "Nevşehir"),
    "sofia": T("София", "Sofia"),
    "tbilisi": T("Тбилиси", "Tbilisi"),
    "islamabad": T("Исламабад", "Islamabad"),
    "budapest": T("Будапешт", "Budapest"),
    "dushanbe": T("Душанбе", "Dushanbe"),
    "geneva": T("Женева", "Geneva"),
}


@dataclass(frozen=True)
class MeetingData:
    slug: str
    kind: str
    number: int | None
    title: T
    start: datetime.date
    end: datetime.date
    city: str
    host: str
    states: tuple[str, ...]
    summary: T | None = None
    status: str = Meeting.Status.HELD


def d(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)


SOM = Meeting.Kind.SENIOR_OFFICIALS
WG = Meeting.Kind.WORKING_GROUP
THEMATIC = Meeting.Kind.THEMATIC
SILK_ROUTES = T("по региону Шёлкового пути", "on the Silk Routes Region")
BLACK_SEA = T("по Черноморскому региону", "on the Black Sea Region")
SOUTH_EAST_EUROPE = T("по региону Юго-Восточной Европы", "on the South East European Region")


def ordinal_en(number: int) -> str:
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def bp_som(number: int) -> T:
    return T(
        f"{number}-я встреча старших должностных лиц Будапештского процесса",
        f"{ordinal_en(number)} Meeting of Senior Officials of the Budapest Process",
    )


def bp_wg(number: int | None, region: T) -> T:
    if number is None:
        return T(
            f"Встреча рабочей группы Будапештского процесса {region.ru}",
            f"Meeting of the Budapest Process Working Group {region.en}",
        )
    return T(
        f"{number}-я встреча рабочей группы Будапештского процесса {region.ru}",
        f"{ordinal_en(number)} meeting of the Budapest Process Working Group {region.en}",
    )


# The partner's meetings with Central Asian participation (seed 002). `states` are the Central
# Asian states that took part; where the Budapest Process itself organised a meeting in the
# region, the seed names no delegations, so only the host is listed.
BUDAPEST_MEETINGS = [
    MeetingData("bp-som-16-istanbul-2010", SOM, 16, bp_som(16), d(2010, 11, 3), d(2010, 11, 3), "istanbul",
                "turkey", ("kyrgyzstan", "tajikistan")),
    MeetingData("bp-wg-black-sea-2-sofia-2011", WG, 2, bp_wg(2, BLACK_SEA), d(2011, 2, 9), d(2011, 2, 10), "sofia",
                "bulgaria", ("kyrgyzstan",),
                T("Встреча была посвящена сотрудничеству пограничных служб в Черноморском регионе.",
                  "The meeting looked at cooperation between border guard services in the Black Sea region.")),
    MeetingData("bp-wg-silk-routes-2-nevsehir-2011", WG, 2, bp_wg(2, SILK_ROUTES), d(2011, 6, 7), d(2011, 6, 8),
                "nevsehir", "turkey", ("kyrgyzstan", "tajikistan"),
                T("Обсуждались миграционная ситуация в странах Шёлкового пути и сотрудничество между ними.",
                  "Discussion of the migration situation in the Silk Routes countries and of cooperation "
                  "between and within them.")),
    MeetingData("bp-som-17-ankara-2011", SOM, 17,
                T("17-я встреча старших должностных лиц Будапештского процесса и первая межправительственная "
                  "встреча проекта «Шёлковый путь»",
                  "17th Meeting of Senior Officials of the Budapest Process and First Intergovernmental Meeting "
                  "of the Silk Routes Project"),
                d(2011, 11, 17), d(2011, 11, 18), "ankara", "turkey", ("kyrgyzstan",)),
    MeetingData("bp-wg-silk-routes-3-tbilisi-2012", WG, 3,
                T(f"{bp_wg(3, SILK_ROUTES).ru} и 2-я межправительственная конференция проекта «Шёлковый путь»",
                  f"{bp_wg(3, SILK_ROUTES).en} and 2nd Intergovernmental Conference of the Silk Routes Project"),
                d(2012, 6, 28), d(2012, 6, 29), "tbilisi", "georgia", ("kyrgyzstan",),
                T("Тема встречи — миграция и развитие.", "The meeting's theme was migration and development.")),
    MeetingData("bp-wg-black-sea-3-sofia-2012", WG, 3, bp_wg(3, BLACK_SEA), d(2012, 11, 12), d(2012, 11, 13),
                "sofia", "bulgaria", ("kyrgyzstan", "tajikistan", "uzbekistan"),
                T("Обсуждалось, как связаны урегулированная и неурегулированная миграция в Черноморском регионе.",
                  "Discussion of how regular and irregular migration are linked in the Black Sea region.")),
    MeetingData("bp-ministerial-5-istanbul-2013", Meeting.Kind.MINISTERIAL, 5,
                T("5-я министерская конференция Будапештского процесса",
                  "5th Ministerial Conference of the Budapest Process"),
                d(2013, 4, 19), d(2013, 4, 19), "istanbul", "turkey", ("kyrgyzstan", "tajikistan"),
                T("Конференция приняла Стамбульскую министерскую декларацию о Партнёрстве по вопросам миграции "
                  "в регионе Шёлкового пути.",
                  "The conference adopted the Istanbul Ministerial Declaration on a Silk Routes Partnership for "
                  "Migration.")),
    MeetingData("silk-routes-i-final-conference-islamabad-2013", THEMATIC, None,
                T("Итоговая конференция проекта «Шёлковый путь I»",
                  "Final conference of the Silk Routes I project"),
                d(2013, 10, 28), d(2013, 10, 29), "islamabad", "pakistan", ("kyrgyzstan", "tajikistan"),
                T("Подведение итогов проекта по развитию миграционного сотрудничества с регионом Шёлкового пути.",
                  "Closing conference of the project on migration cooperation with and within the Silk Routes "
                  "region.")),
    MeetingData("bp-wg-silk-routes-4-islamabad-2013", WG, 4, bp_wg(4, SILK_ROUTES), d(2013, 10, 28),
                d(2013, 10, 29), "islamabad", "pakistan", ("kyrgyzstan", "tajikistan"),
                T("Общие вопросы управления миграцией.", "General questions of migration management.")),
    MeetingData("bp-som-21-istanbul-2013", SOM, 21, bp_som(21), d(2013, 12, 9), d(2013, 12, 10), "istanbul",
                "turkey", ("kyrgyzstan", "tajikistan")),
    MeetingData("silk-routes-partnership-kick-off-budapest-2014", THEMATIC, None,
                T("Стартовая конференция проекта поддержки Партнёрства Шёлкового пути",
                  "Kick-off conference of the project in support of the Silk Routes Partnership"),
                d(2014, 6, 2), d(2014, 6, 3), "budapest", "hungary", ("kyrgyzstan", "uzbekistan")),
    MeetingData("bp-wg-south-east-europe-budapest-2014", WG, None, bp_wg(None, SOUTH_EAST_EUROPE), d(2014, 6, 3),
                d(2014, 6, 4), "budapest", "hungary", ("kyrgyzstan",),
                T("Продолжение работы группы 2012 года над планом действий по смешанным миграционным потокам.",
                  "A follow-up to the group's 2012 meeting on an action plan for mixed migration flows.")),
    MeetingData("bp-wg-silk-routes-5-dushanbe-2014", WG, 5, bp_wg(5, SILK_ROUTES), d(2014, 11, 11),
                d(2014, 11, 12), "dushanbe", "tajikistan", ("tajikistan",),
                T("Трудовая миграция и защита трудящихся-мигрантов — первая приоритетная область Стамбульской "
                  "декларации.",
                  "Labour migration and the protection of migrant workers, the first priority area of the "
                  "Istanbul Declaration.")),
    MeetingData("bp-wg-black-sea-4-sofia-2015", WG, 4, bp_wg(4, BLACK_SEA), d(2015, 3, 17), d(2015, 3, 18), "sofia",
                "bulgaria", ("tajikistan",),
                T("Как кризисы влияют на управление миграцией.", "How crises affect migration management.")),
    MeetingData("bp-cis-redirection-3-almaty-2015", THEMATIC, 3,
                T("3-я встреча проекта по переориентации Будапештского процесса на регион СНГ",
                  "3rd meeting of the project re-directing the Budapest Process towards the CIS region"),
                d(2015, 5, 19), d(2015, 5, 20), "almaty", "kazakhstan", ("kazakhstan",),
                T("Проект посвящён Казахстану, Кыргызстану, Таджикистану, Туркменистану и Узбекистану.",
                  "The project concentrates on Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.")),
    MeetingData("bp-wg-silk-routes-6-islamabad-2015", WG, 6, bp_wg(6, SILK_ROUTES), d(2015, 6, 8), d(2015, 6, 9),
                "islamabad", "pakistan", ("kazakhstan", "kyrgyzstan"),
                T("Неурегулированная миграция и торговля людьми — четвёртая и пятая приоритетные области "
                  "Стамбульской декларации.",
                  "Irregular migration and trafficking in persons, the fourth and fifth priority areas of the "
                  "Istanbul Declaration.")),
]

THIRD_SOM_SLUG = "third-senior-officials-meeting-2016"
THIRD_SOM_STATES = ("afghanistan", "azerbaijan", "china", "iran", "kazakhstan", "kyrgyzstan", "pakistan",
                    "tajikistan", "turkey", "turkmenistan")
CIS_FINAL_SLUG = "cis-conference-process-final-meeting-2005"
CIS_PRESENT = ("russia", "armenia", "azerbaijan", "belarus", "georgia", "kazakhstan", "kyrgyzstan", "moldova",
               "tajikistan", "ukraine")
CIS_ABSENT = ("turkmenistan", "uzbekistan")
# Friends and observers of the CIS process that are already in the archive as states.
CIS_OBSERVERS = ("bulgaria", "china", "iran", "switzerland", "turkey")
CIS_ORGANISATIONS = ("council-of-europe", "undp", "osce", "ilo", "danish-refugee-council", "gyla",
                     "nonviolence-international")
UPCOMING_SLUG = "senior-officials-meeting-2027"


def summary_of_participation(data: MeetingData, states: dict[str, State]) -> T:
    ru = ", ".join(states[slug].name_ru for slug in data.states)
    en = ", ".join(states[slug].name_en for slug in data.states)
    return T(f"Участники из Центральной Азии: {ru}.", f"Taking part from Central Asia: {en}.")


def load_meeting(data: MeetingData, process: Organisation, states: dict[str, State], **values) -> Meeting:
    summary = data.summary or T("", "")
    return upsert(
        Meeting,
        {"slug": data.slug},
        kind=data.kind,
        number=data.number,
        process=process,
        start_date=data.start,
        end_date=data.end,
        host_country=states[data.host],
        status=data.status,
        publication_status=values.pop("publication_status", PUBLISHED),
        **both("title", data.title),
        **both("city", CITIES[data.city]),
        **both("summary", summary),
        **values,
    )


def take_part(meeting: Meeting, *, state: State | None = None, organisation: Organisation | None = None,
              role: str = Participation.Role.MEMBER, present: bool = True) -> Participation:
    lookup = {"meeting": meeting, "state": state} if state else {"meeting": meeting, "organisation": organisation}
    attendance = Participation.Attendance.ATTENDED if present else Participation.Attendance.DID_NOT_ATTEND
    return upsert(Participation, lookup, state=state, organisation=organisation, role=role, attendance=attendance)


def load_almaty_meetings(orgs: dict[str, Organisation], states: dict[str, State]) -> dict[str, Meeting]:
    process = orgs["almaty-process"]
    # The outcome statement (seed 001) gives no date. Mid-November 2016 fits the Kyrgyz
    # chairmanship it mentions and the process's habit of meeting late in the year.
    third = load_meeting(
        MeetingData(
            THIRD_SOM_SLUG, SOM, 3,
            T("Третья встреча высших должностных лиц Алматинского процесса",
              "Third Senior Officials Meeting of the Almaty Process"),
            d(2016, 11, 16), d(2016, 11, 17), "almaty", "kazakhstan", THIRD_SOM_STATES,
            T("Высшие должностные лица и национальные координаторы государств-участников вместе с УВКБ ООН и МОМ "
              "обсудили ответы на смешанные миграционные потоки в Центральной Азии: права уязвимых мигрантов и "
              "беженцев, трудовую миграцию, противодействие торговле людьми, решения для беженцев и готовность к "
              "чрезвычайным ситуациям. Встреча подвела итоги председательства Кыргызской Республики и наметила "
              "дальнейшие шаги.",
              "Senior officials and national focal points of the participating states, together with UNHCR and "
              "IOM, discussed responses to mixed migration in Central Asia: the rights of vulnerable migrants and "
              "refugees, labour migration, action against trafficking, solutions for refugees and emergency "
              "preparedness. The meeting took stock of the Kyrgyz Republic's chairmanship and agreed on next "
              "steps."),
        ),
        process,
        states,
        **both("chair", T("Кыргызская Республика", "Kyrgyz Republic")),
    )
    third.organisers.set([orgs["unhcr"], orgs["iom"]])
    for slug in THIRD_SOM_STATES:
        role = {"kyrgyzstan": Participation.Role.CHAIR, "china": Participation.Role.OBSERVER}.get(
            slug, Participation.Role.MEMBER
        )
        take_part(third, state=states[slug], role=role)
    for slug in ("unhcr", "iom"):
        take_part(third, organisation=orgs[slug], role=Participation.Role.ORGANISATION)

    upcoming = load_meeting(
        MeetingData(
            UPCOMING_SLUG, SOM, None,
            T("Встреча высших должностных лиц Алматинского процесса 2027 года",
              "Senior Officials Meeting of the Almaty Process, 2027"),
            d(2027, 6, 15), d(2027, 6, 16), "almaty", "kazakhstan", (),
            T("Планируемая встреча; повестка дня готовится секретариатом вместе с председательством.",
              "A planned meeting; the secretariat is preparing the agenda with the chairmanship."),
            status=Meeting.Status.PLANNED,
        ),
        process,
        states,
    )
    upcoming.organisers.set([orgs["unhcr"], orgs["iom"]])
    return {"third": third, "upcoming": upcoming}


def load_budapest_meetings(orgs: dict[str, Organisation], states: dict[str, State]) -> list[Meeting]:
    meetings = []
    for data in BUDAPEST_MEETINGS:
        participation = summary_of_participation(data, states)
        if data.summary:
            participation = T(f"{data.summary.ru} {participation.ru}", f"{data.summary.en} {participation.en}")
        data = replace(data, summary=participation)
        meeting = load_meeting(data, orgs["budapest-process"], states)
        meeting.organisers.set([orgs["icmpd"]])
        for slug in data.states:
            take_part(meeting, state=states[slug])
        meetings.append(meeting)
    return meetings


def load_cis_meeting(orgs: dict[str, Organisation], states: dict[str, State]) -> Meeting:
    meeting = load_meeting(
        MeetingData(
            CIS_FINAL_SLUG, SOM, None,
            T("Заключительная встреча Процесса Конференции СНГ", "Final meeting of the CIS Conference Process"),
            d(2005, 10, 10), d(2005, 10, 10), "geneva", "switzerland", CIS_PRESENT,
            T("Участники одобрили итоговое заявление, подвели итоги десяти лет работы по Программе действий 1996 "
              "года и обсудили, что придёт на смену процессу: Беларусь предложила общий диалог стран СНГ с "
              "постоянным секретариатом в Минске, Молдова — гибкие субрегиональные группы. Решение отложили до "
              "технической встречи в начале 2006 года. Туркменистан и Узбекистан на встрече отсутствовали.",
              "Participants endorsed a final statement, took stock of ten years of work under the 1996 Programme "
              "of Action and discussed what should follow the process: Belarus proposed a CIS-wide dialogue with a "
              "permanent secretariat in Minsk, Moldova flexible sub-regional groups. The decision was left to a "
              "technical meeting in early 2006. Turkmenistan and Uzbekistan did not attend."),
        ),
        orgs["cis-conference-process"],
        states,
        **both("chair", T("УВКБ ООН и МОМ (сопредседатели)", "UNHCR and IOM (co-chairs)")),
    )
    meeting.organisers.set([orgs["unhcr"], orgs["iom"]])
    for slug in CIS_PRESENT:
        take_part(meeting, state=states[slug])
    for slug in CIS_ABSENT:
        take_part(meeting, state=states[slug], present=False)
    for slug in CIS_OBSERVERS:
        take_part(meeting, state=states[slug], role=Participation.Role.OBSERVER)
    for slug in ("unhcr", "iom"):
        take_part(meeting, organisation=orgs[slug], role=Participation.Role.CHAIR)
    for slug in CIS_ORGANISATIONS:
        take_part(meeting, organisation=orgs[slug], role=Participation.Role.ORGANISATION)
    return meeting


def load_statement(meeting: Meeting, seeds_dir: Path | None) -> None:
    upsert(
        OutcomeStatement,
        {"meeting": meeting},
        adopted_on=meeting.end_date,
        **both("title", T("Итоговое заявление Третьей встречи высших должностных лиц",
                          "Outcome statement of the Third Senior Officials Meeting")),
    )
    text = read_seed(seeds_dir, SEED_STATEMENT)
    if text is not None:
        import_statement(meeting, "ru", parse_numbered_paragraphs(text))


# --- Pages and news ----------------------------------------------------------------------------------------------

ABOUT = T(
    "Алматинский процесс — региональный консультативный процесс по защите беженцев и международной миграции "
    "в Центральной Азии, из неё и внутри неё. Он даёт правительствам постоянную площадку для разговора о "
    "смешанных миграционных потоках, когда беженцы, лица, ищущие убежища, трудовые мигранты, лица без "
    "гражданства и жертвы торговли людьми движутся одними и теми же маршрутами, и для выработки общих ответов.\n\n"
    "Люди покидают свои дома в регионе и переезжают внутри него по многим причинам: из-за экономических "
    "трудностей, споров за землю и воду, напряжённости между общинами, стихийных бедствий и ухудшения "
    "состояния окружающей среды. В странах региона живут беженцы, прежде всего из Афганистана, и немало лиц "
    "без гражданства.\n\n"
    "Процесс вырос из Алматинской декларации 2011 года и с 2013 года работает как региональный "
    "консультативный процесс. Государства-участники стремятся:\n"
    "• поддерживать постоянный диалог о миграции и защите беженцев;\n"
    "• создавать механизмы, позволяющие отслеживать неурегулированную миграцию и реагировать на неё;\n"
    "• вырабатывать общее понимание причин и последствий вынужденного перемещения и миграции;\n"
    "• проводить согласованную политику, учитывающую разные потребности людей в пути;\n"
    "• осуществлять совместные проекты, укрепляющие способность государств управлять миграцией и защищать "
    "беженцев.\n\n"
    "Работу секретариата процесса обеспечивают УВКБ ООН и МОМ.",
    "The Almaty Process is a regional consultative process on refugee protection and international migration "
    "to, from and within Central Asia. It gives governments a standing forum to talk about mixed movements, "
    "where refugees, asylum-seekers, labour migrants, stateless people and victims of trafficking travel the "
    "same routes, and to work out joint responses.\n\n"
    "People leave their homes in the region, or move within it, for many reasons: economic hardship, disputes "
    "over land and water, tension between communities, natural disasters and a damaged environment. The "
    "countries of the region host refugees, most of them from Afghanistan, and a sizeable number of stateless "
    "people.\n\n"
    "The process grew out of the 2011 Almaty Declaration and has worked as a regional consultative process "
    "since 2013. Its participating states aim to:\n"
    "• keep up a regular dialogue on migration and refugee protection;\n"
    "• set up ways to follow irregular migration and respond to it;\n"
    "• build a shared understanding of why people are displaced or migrate, and what follows from it;\n"
    "• pursue consistent policies that reflect the different needs of people on the move;\n"
    "• carry out joint projects that strengthen states' ability to manage migration and protect refugees.\n\n"
    "UNHCR and IOM together run the process's secretariat.",
)

SECRETARIAT = T(
    "УВКБ ООН и Международная организация по миграции (МОМ) вместе обеспечивают работу секретариата "
    "Алматинского процесса. Секретариат:\n"
    "• хранит память процесса: ведёт его архив и этот портал на русском и английском языках;\n"
    "• помогает председательству в организации конференций, встреч и семинаров;\n"
    "• собирает, переводит и рассылает материалы до встреч, а после них готовит сборники для публикации;\n"
    "• помогает государствам-участникам обмениваться сведениями по всем вопросам миграции и защиты беженцев;\n"
    "• по просьбе председательства анализирует информацию и проводит исследования по вопросам убежища и "
    "миграции;\n"
    "• следит за публикациями в СМИ, готовит совместные информационные бюллетени и брифинги;\n"
    "• помогает готовить проектные предложения, чтобы привлечь средства на выполнение плана действий;\n"
    "• налаживает связи с национальными и международными программами и другими региональными "
    "консультативными процессами по миграции.",
    "UNHCR and the International Organization for Migration (IOM) together run the Almaty Process "
    "secretariat. The secretariat:\n"
    "• keeps the process's memory: its archive and this portal, in Russian and English;\n"
    "• helps the chairmanship organise conferences, meetings and seminars;\n"
    "• gathers, translates and sends out documents before meetings and prepares collections for publication "
    "afterwards;\n"
    "• helps the participating states share information on every aspect of migration and refugee protection;\n"
    "• analyses information and researches asylum and migration questions when the chairmanship asks;\n"
    "• follows the media and prepares joint information sheets and briefings;\n"
    "• helps draft project proposals to raise funds for the action plan;\n"
    "• builds links with national and international programmes and with other regional consultative processes "
    "on migration.",
)

NEWS_UNRCCA = {
    "title": T(
        "Глава Регионального центра ООН по превентивной дипломатии встретилась с руководством КазИСИ",
        "Head of the UN Regional Centre for Preventive Diplomacy meets the leadership of KazISS",
    ),
    "lead": T(
        "20 апреля 2022 года делегация ООН во главе с Натальей Герман обсудила с Казахстанским институтом "
        "стратегических исследований дальнейшее сотрудничество экспертов региона.",
        "On 20 April 2022 a UN delegation led by Natalia Gherman discussed further cooperation among the "
        "region's experts with the Kazakhstan Institute for Strategic Studies.",
    ),
    "body": T(
        "В делегацию вошли Специальный представитель Генерального секретаря ООН, глава РЦПДЦА Наталья Герман, "
        "Координатор системы ООН в Казахстане Микаэла Фриберг-Стори и сотрудники Центра.\n\n"
        "Стороны договорились и дальше ежегодно проводить Центральноазиатский экспертный форум, который с "
        "2018 года объединяет ведущие аналитические центры пяти стран региона, развивать экспертный диалог о "
        "воде и изменении климата и вместе работать над расширением роли женщин и гендерным равенством.\n\n"
        "Отдельно говорили об Афганистане: участники отметили тяжёлое гуманитарное положение в стране и "
        "важность того, чтобы в региональных экспертных обсуждениях звучал голос афганской стороны. "
        "Обсуждались также продовольственная безопасность региона и реформы в Казахстане. Директор КазИСИ "
        "Е. Тукумов предложил провести внеочередное заседание форума по самым острым региональным вопросам.",
        "The delegation included the UN Secretary-General's Special Representative and head of UNRCCA, Natalia "
        "Gherman, the UN Resident Coordinator in Kazakhstan, Michaela Friberg-Storey, and staff of the Centre.\n\n"
        "The two sides agreed to keep holding the annual Central Asian Expert Forum, which since 2018 has brought "
        "together leading think tanks of the region's five countries, to build up expert dialogue on water and "
        "climate change, and to work together on women's role and gender equality.\n\n"
        "Afghanistan had a place of its own in the talks: participants noted the country's grave humanitarian "
        "situation and the importance of hearing Afghan voices in regional expert debates. Food security in the "
        "region and Kazakhstan's reforms were discussed as well. KazISS Director Ye. Tukumov suggested an "
        "extraordinary session of the Forum on the most pressing regional issues.",
    ),
}


def load_pages() -> None:
    upsert(Page, {"slug": "about"}, position=1, publication_status=PUBLISHED,
           **both("title", T("Об Алматинском процессе", "About the Almaty Process")), **both("body", ABOUT))
    upsert(Page, {"slug": "secretariat"}, position=2, publication_status=PUBLISHED,
           **both("title", T("Секретариат", "Secretariat")), **both("body", SECRETARIAT))
    upsert(NewsItem, {"slug": "unrcca-meets-kaziss-2022"}, date=d(2022, 4, 20), publication_status=PUBLISHED,
           **{key: value for name, text in NEWS_UNRCCA.items() for key, value in both(name, text).items()})


# --- Documents ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentData:
    kind: str
    title: T
    date: datetime.date
    summary: T
    files: dict[str, tuple[str, bytes]]
    meeting: Meeting | None = None
    publication_status: str = PUBLISHED


def load_document(data: DocumentData, *, states=(), organisations=()) -> Document:
    document = upsert(
        Document,
        {"kind": data.kind, "title_en": data.title.en},
        title_ru=data.title.ru,
        date=data.date,
        meeting=data.meeting,
        publication_status=data.publication_status,
        **both("summary", data.summary),
    )
    document.states.set(states)
    document.organisations.set(organisations)
    for language, (name, content) in data.files.items():
        # A file once attached stays as it is: reloading must not pile up copies in the media folder.
        if not document.files.filter(language=language).exists():
            file = DocumentFile(document=document, language=language, original_name=name,
                                file=ContentFile(content, name=name))
            file.full_clean()
            file.save()
    return document


def text_file(*paragraphs: str) -> bytes:
    return ("\n\n".join(paragraphs) + "\n").encode()


def load_documents(meetings: dict[str, Meeting], orgs: dict[str, Organisation], states: dict[str, State],
                   cis_meeting: Meeting, seeds_dir: Path | None) -> None:
    third = meetings["third"]
    statement_ru = read_seed_bytes(seeds_dir, SEED_STATEMENT) or text_file(
        "Итоговое заявление Третьей встречи высших должностных лиц Алматинского процесса",
        "Текст заявления будет добавлен секретариатом.",
    )
    load_document(
        DocumentData(
            Document.Kind.OUTCOME_STATEMENT,
            T("Итоговое заявление Третьей встречи высших должностных лиц Алматинского процесса",
              "Outcome statement of the Third Senior Officials Meeting of the Almaty Process"),
            third.end_date,
            T("Пятнадцать пунктов о смешанной миграции, правах мигрантов и беженцев и региональном сотрудничестве.",
              "Fifteen paragraphs on mixed migration, the rights of migrants and refugees, and regional "
              "cooperation."),
            {
                "ru": ("third-som-outcome-statement-ru.txt", statement_ru),
                "en": ("third-som-outcome-statement-en.txt", text_file(
                    "Outcome statement of the Third Senior Officials Meeting of the Almaty Process",
                    "The statement was adopted in Russian. This note summarises it: the participating states "
                    "reaffirmed their commitment to protect refugees and the rights of all migrants, called for "
                    "better national laws and regional cooperation on mixed migration, labour migration and "
                    "trafficking, and confirmed the value of the Almaty Process as a forum for dialogue.",
                )),
            },
            meeting=third,
        ),
        states=[states[slug] for slug in THIRD_SOM_STATES],
        organisations=[orgs["unhcr"], orgs["iom"]],
    )
    load_document(
        DocumentData(
            Document.Kind.AGENDA,
            T("Повестка дня Третьей встречи высших должностных лиц", "Agenda of the Third Senior Officials Meeting"),
            third.start_date,
            T("Порядок работы двухдневной встречи.", "The order of business of the two-day meeting."),
            {
                "ru": ("third-som-agenda-ru.txt", text_file(
                    "Повестка дня Третьей встречи высших должностных лиц Алматинского процесса",
                    "День 1. Открытие; смешанные миграционные потоки в Центральной Азии; права уязвимых мигрантов.",
                    "День 2. Решения для беженцев; итоги председательства; дальнейшие шаги; принятие итогового "
                    "заявления.",
                )),
                "en": ("third-som-agenda-en.txt", text_file(
                    "Agenda of the Third Senior Officials Meeting of the Almaty Process",
                    "Day 1. Opening; mixed migration in Central Asia; rights of vulnerable migrants.",
                    "Day 2. Solutions for refugees; review of the chairmanship; next steps; adoption of the "
                    "outcome statement.",
                )),
            },
            meeting=third,
        ),
    )
    budapest_en = read_seed_bytes(seeds_dir, SEED_BUDAPEST) or text_file(
        "Budapest Process: participant information",
        "A summary of the partner process's work in Central Asia; see the process's page.",
    )
    # The form is undated; the latest event it lists took place in June 2015.
    load_document(
        DocumentData(
            Document.Kind.PARTICIPANT_INFORMATION,
            T("Будапештский процесс: информация участника", "Budapest Process: participant information"),
            d(2015, 6, 30),
            T("Описание партнёрского процесса, его мероприятий с участием стран Центральной Азии и контакты.",
              "The partner process's description, its events with Central Asian participation, and contacts."),
            {
                "en": ("budapest-process-participant-information.txt", budapest_en),
                "ru": ("budapest-process-participant-information-ru.txt", text_file(
                    "Будапештский процесс: информация участника",
                    "Краткое описание партнёрского процесса и его мероприятий в Центральной Азии приведено на "
                    "странице процесса.",
                )),
            },
        ),
        organisations=[orgs["budapest-process"], orgs["icmpd"]],
    )
    load_document(
        DocumentData(
            Document.Kind.REPORT,
            T("Отчёт о заключительной встрече Процесса Конференции СНГ",
              "Report on the final meeting of the CIS Conference Process"),
            cis_meeting.start_date,
            T("Кто участвовал, что говорили делегации и какие предложения прозвучали о будущем сотрудничестве.",
              "Who attended, what the delegations said and which proposals were made for future cooperation."),
            {
                "ru": ("cis-final-meeting-report-ru.txt", text_file(
                    "Заключительная встреча Процесса Конференции СНГ, Женева, 10 октября 2005 года",
                    "Участвовали десять государств СНГ; Туркменистан и Узбекистан отсутствовали. Встречу вели "
                    "УВКБ ООН и МОМ.",
                )),
                "en": ("cis-final-meeting-report-en.txt", text_file(
                    "Final meeting of the CIS Conference Process, Geneva, 10 October 2005",
                    "Ten CIS states attended; Turkmenistan and Uzbekistan were absent. UNHCR and IOM co-chaired.",
                )),
            },
            meeting=cis_meeting,
        ),
        states=[states[slug] for slug in CIS_PRESENT + CIS_ABSENT],
        organisations=[orgs["unhcr"], orgs["iom"]],
    )
    # The one draft of the demo, so that staff can see how unpublished work looks.
    load_document(
        DocumentData(
            Document.Kind.AGENDA,
            T("Повестка дня встречи высших должностных лиц 2027 года (черновик)",
              "Agenda of the 2027 Senior Officials Meeting (draft)"),
            d(2027, 3, 1),
            T("Черновик для обсуждения с председательством; не опубликован.",
              "A draft for discussion with the chairmanship; not published."),
            {
                "ru": ("som-2027-draft-agenda-ru.txt", text_file("Проект повестки дня (черновик).")),
                "en": ("som-2027-draft-agenda-en.txt", text_file("Draft agenda (draft).")),
            },
            meeting=meetings["upcoming"],
            publication_status=DRAFT,
        ),
    )


# --- Seeds and the whole load ------------------------------------------------------------------------------------


def read_seed_bytes(seeds_dir: Path | None, name: str) -> bytes | None:
    if seeds_dir is None:
        return None
    path = Path(seeds_dir) / name
    return path.read_bytes() if path.is_file() else None


def read_seed(seeds_dir: Path | None, name: str) -> str | None:
    data = read_seed_bytes(seeds_dir, name)
    return None if data is None else decode_text(data)


COUNTED = [State, FocalPoint, Organisation, Meeting, Participation, OutcomeStatement, StatementParagraph, Document,
           DocumentFile, Page, NewsItem]


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
    meetings = load_almaty_meetings(orgs, states)
    load_statement(meetings["third"], seeds_dir)
    load_budapest_meetings(orgs, states)
    cis_meeting = load_cis_meeting(orgs, states)
    load_pages()
    load_documents(meetings, orgs, states, cis_meeting, seeds_dir)
    return counts()
