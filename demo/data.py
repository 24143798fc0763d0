"""The demonstration content as data: who, when, where and what, in Russian and English.

The facts (names, dates, places, attendance) come from the seed documents; the wording is
the project's own. Whatever the seeds do not say is marked as an example on the page itself.
The code that loads this into the database is in demo/loading.py.
"""

import datetime
from dataclasses import dataclass

from documents.models import Document
from meetings.models import Meeting, Participation
from participants.models import Organisation, State


def d(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)


@dataclass(frozen=True)
class T:
    """One text in Russian and English."""

    ru: str
    en: str


EMPTY = T("", "")


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
    StateData(
        "afghanistan",
        "AF",
        "AFG",
        T("Афганистан", "Afghanistan"),
        T("Исламская Республика Афганистан", "Islamic Republic of Afghanistan"),
        MEMBER,
    ),
    StateData(
        "azerbaijan",
        "AZ",
        "AZE",
        T("Азербайджан", "Azerbaijan"),
        T("Азербайджанская Республика", "Republic of Azerbaijan"),
        MEMBER,
    ),
    StateData(
        "china",
        "CN",
        "CHN",
        T("Китай", "China"),
        T("Китайская Народная Республика", "People's Republic of China"),
        OBSERVER,
    ),
    StateData(
        "iran", "IR", "IRN", T("Иран", "Iran"), T("Исламская Республика Иран", "Islamic Republic of Iran"), MEMBER
    ),
    StateData(
        "kazakhstan",
        "KZ",
        "KAZ",
        T("Казахстан", "Kazakhstan"),
        T("Республика Казахстан", "Republic of Kazakhstan"),
        MEMBER,
    ),
    StateData(
        "kyrgyzstan", "KG", "KGZ", T("Кыргызстан", "Kyrgyzstan"), T("Кыргызская Республика", "Kyrgyz Republic"), MEMBER
    ),
    StateData(
        "pakistan",
        "PK",
        "PAK",
        T("Пакистан", "Pakistan"),
        T("Исламская Республика Пакистан", "Islamic Republic of Pakistan"),
        MEMBER,
    ),
    StateData(
        "tajikistan",
        "TJ",
        "TJK",
        T("Таджикистан", "Tajikistan"),
        T("Республика Таджикистан", "Republic of Tajikistan"),
        MEMBER,
    ),
    # The United Nations has used "Türkiye" since 2022; the slug keeps the older English name stable.
    StateData("turkey", "TR", "TUR", T("Турция", "Türkiye"), T("Турецкая Республика", "Republic of Türkiye"), MEMBER),
    StateData(
        "turkmenistan", "TM", "TKM", T("Туркменистан", "Turkmenistan"), T("Туркменистан", "Turkmenistan"), MEMBER
    ),
    # States that appear in the archive (partner and predecessor processes) without taking part.
    StateData(
        "uzbekistan", "UZ", "UZB", T("Узбекистан", "Uzbekistan"), T("Республика Узбекистан", "Republic of Uzbekistan")
    ),
    StateData("russia", "RU", "RUS", T("Россия", "Russia"), T("Российская Федерация", "Russian Federation")),
    StateData("armenia", "AM", "ARM", T("Армения", "Armenia"), T("Республика Армения", "Republic of Armenia")),
    StateData("belarus", "BY", "BLR", T("Беларусь", "Belarus"), T("Республика Беларусь", "Republic of Belarus")),
    StateData("georgia", "GE", "GEO", T("Грузия", "Georgia"), T("Грузия", "Georgia")),
    StateData("moldova", "MD", "MDA", T("Молдова", "Moldova"), T("Республика Молдова", "Republic of Moldova")),
    StateData("ukraine", "UA", "UKR", T("Украина", "Ukraine"), T("Украина", "Ukraine")),
    StateData("bulgaria", "BG", "BGR", T("Болгария", "Bulgaria"), T("Республика Болгария", "Republic of Bulgaria")),
    StateData("hungary", "HU", "HUN", T("Венгрия", "Hungary"), T("Венгрия", "Hungary")),
    StateData(
        "switzerland", "CH", "CHE", T("Швейцария", "Switzerland"), T("Швейцарская Конфедерация", "Swiss Confederation")
    ),
    # Friends and observers of the CIS Conference Process at its final meeting (seed 003), plus the
    # United States; none of them takes part in the Almaty Process.
    StateData("austria", "AT", "AUT", T("Австрия", "Austria"), T("Австрийская Республика", "Republic of Austria")),
    StateData("czechia", "CZ", "CZE", T("Чехия", "Czechia"), T("Чешская Республика", "Czech Republic")),
    StateData("denmark", "DK", "DNK", T("Дания", "Denmark"), T("Королевство Дания", "Kingdom of Denmark")),
    StateData("estonia", "EE", "EST", T("Эстония", "Estonia"), T("Эстонская Республика", "Republic of Estonia")),
    StateData("finland", "FI", "FIN", T("Финляндия", "Finland"), T("Финляндская Республика", "Republic of Finland")),
    StateData("france", "FR", "FRA", T("Франция", "France"), T("Французская Республика", "French Republic")),
    StateData(
        "germany",
        "DE",
        "DEU",
        T("Германия", "Germany"),
        T("Федеративная Республика Германия", "Federal Republic of Germany"),
    ),
    StateData("ireland", "IE", "IRL", T("Ирландия", "Ireland"), T("Ирландия", "Ireland")),
    StateData("latvia", "LV", "LVA", T("Латвия", "Latvia"), T("Латвийская Республика", "Republic of Latvia")),
    StateData("lithuania", "LT", "LTU", T("Литва", "Lithuania"), T("Литовская Республика", "Republic of Lithuania")),
    StateData("poland", "PL", "POL", T("Польша", "Poland"), T("Республика Польша", "Republic of Poland")),
    StateData(
        "portugal", "PT", "PRT", T("Португалия", "Portugal"), T("Португальская Республика", "Portuguese Republic")
    ),
    StateData("romania", "RO", "ROU", T("Румыния", "Romania"), T("Румыния", "Romania")),
    StateData(
        "united-states",
        "US",
        "USA",
        T("Соединённые Штаты Америки", "United States"),
        T("Соединённые Штаты Америки", "United States of America"),
    ),
]

# The members listed at the Third Senior Officials Meeting; the process was launched in 2013.
YEAR_JOINED = 2013

PROFILES = {
    "kazakhstan": T(
        "Казахстан принимает многие встречи процесса; в Алматы была принята декларация, положившая начало процессу.",
        "Kazakhstan hosts many of the process's meetings; the declaration that started the process "
        "was adopted in Almaty.",
    ),
    "kyrgyzstan": T(
        "Кыргызская Республика осуществляла председательство в процессе в период Третьей встречи высших "
        "должностных лиц.",
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
        T(
            "Координатор Министерства труда и социальной защиты населения",
            "Focal point of the Ministry of Labour and Social Protection",
        ),
        T(
            "Министерство труда и социальной защиты населения (пример)",
            "Ministry of Labour and Social Protection (example)",
        ),
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
        T(
            "Координатор Министерства по делам беженцев и репатриации",
            "Focal point of the Ministry of Refugees and Repatriation",
        ),
        T("Министерство по делам беженцев и репатриации (пример)", "Ministry of Refugees and Repatriation (example)"),
        "focal.point.af@example.org",
        False,
    ),
]


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
        "unhcr",
        Kind.UN_AGENCY,
        Role.SECRETARIAT,
        T(
            "Управление Верховного комиссара ООН по делам беженцев",
            "Office of the United Nations High Commissioner for Refugees",
        ),
        T("УВКБ ООН", "UNHCR"),
        "https://www.unhcr.org/",
        T(
            "Учреждение ООН, мандат которого — защита беженцев, лиц без гражданства и вынужденно перемещённых "
            "лиц. Совместно с МОМ обеспечивает работу секретариата Алматинского процесса.",
            "The UN agency that protects refugees, stateless people and the forcibly displaced. "
            "Runs the Almaty Process secretariat together with IOM.",
        ),
    ),
    OrganisationData(
        "iom",
        Kind.INTERNATIONAL,
        Role.SECRETARIAT,
        T("Международная организация по миграции", "International Organization for Migration"),
        T("МОМ", "IOM"),
        "https://www.iom.int/",
        T(
            "Межправительственная организация системы ООН по вопросам миграции. "
            "Совместно с УВКБ ООН обеспечивает работу секретариата Алматинского процесса.",
            "The UN system's intergovernmental organisation for migration. "
            "Runs the Almaty Process secretariat together with UNHCR.",
        ),
    ),
    OrganisationData(
        "icmpd",
        Kind.INTERNATIONAL,
        Role.PARTNER,
        T(
            "Международный центр по развитию миграционной политики",
            "International Centre for Migration Policy Development",
        ),
        T("МЦРМП", "ICMPD"),
        "https://www.icmpd.org/",
        T(
            "Международная организация со штаб-квартирой в Вене; ведёт секретариат Будапештского процесса.",
            "An international organisation based in Vienna; it runs the Budapest Process secretariat.",
        ),
    ),
    OrganisationData(
        "council-of-europe",
        Kind.INTERNATIONAL,
        Role.OTHER,
        T("Совет Европы", "Council of Europe"),
        T("СЕ", "CoE"),
        "https://www.coe.int/",
        T(
            "Входил в совместный секретариат процесса Конференции по СНГ на его заключительном этапе.",
            "Joined the joint secretariat of the CIS Conference Process in its later years.",
        ),
    ),
    OrganisationData(
        "undp",
        Kind.UN_AGENCY,
        Role.OTHER,
        T("Программа развития Организации Объединённых Наций", "United Nations Development Programme"),
        T("ПРООН", "UNDP"),
        "https://www.undp.org/",
    ),
    OrganisationData(
        "osce",
        Kind.INTERNATIONAL,
        Role.OTHER,
        T(
            "Организация по безопасности и сотрудничеству в Европе",
            "Organization for Security and Co-operation in Europe",
        ),
        T("ОБСЕ", "OSCE"),
        "https://www.osce.org/",
        T(
            "Одна из организаций совместного секретариата процесса Конференции по СНГ.",
            "One of the organisations of the CIS Conference Process's joint secretariat.",
        ),
    ),
    OrganisationData(
        "ilo",
        Kind.UN_AGENCY,
        Role.OTHER,
        T("Международная организация труда", "International Labour Organization"),
        T("МОТ", "ILO"),
        "https://www.ilo.org/",
    ),
    OrganisationData(
        "danish-refugee-council",
        Kind.NGO,
        Role.OTHER,
        T("Датский совет по делам беженцев", "Danish Refugee Council"),
        T("ДСБ", "DRC"),
        "https://drc.ngo/",
    ),
    OrganisationData(
        "gyla",
        Kind.NGO,
        Role.OTHER,
        T("Ассоциация молодых юристов Грузии", "Georgian Young Lawyers' Association"),
        T("АМЮГ", "GYLA"),
        "https://gyla.ge/",
    ),
    OrganisationData(
        "nonviolence-international",
        Kind.NGO,
        Role.OTHER,
        T("Международная организация «Ненасилие»", "Nonviolence International"),
        T("", ""),
    ),
    OrganisationData(
        "unrcca",
        Kind.UN_AGENCY,
        Role.OTHER,
        T(
            "Региональный центр ООН по превентивной дипломатии для Центральной Азии",
            "United Nations Regional Centre for Preventive Diplomacy for Central Asia",
        ),
        T("РЦПДЦА", "UNRCCA"),
        "https://unrcca.unmissions.org/",
    ),
    OrganisationData(
        "kaziss",
        Kind.RESEARCH,
        Role.OTHER,
        T(
            "Казахстанский институт стратегических исследований при Президенте Республики Казахстан",
            "Kazakhstan Institute for Strategic Studies under the President of the Republic of Kazakhstan",
        ),
        T("КазИСИ", "KazISS"),
        "https://kisi.kz/",
    ),
]

# The three consultative processes: the home process, a partner and a predecessor.
ALMATY_PROCESS_NAME = T("Алматинский процесс", "Almaty Process")
BUDAPEST_PROCESS_NAME = T("Будапештский процесс", "Budapest Process")
BUDAPEST_PROCESS_WEBSITE = "https://www.budapestprocess.org/"
CIS_PROCESS_NAME = T("Процесс Конференции по СНГ", "CIS Conference Process")

ALMATY_PROCESS = T(
    "Алматинский процесс — региональный консультативный процесс по защите беженцев и международной миграции "
    "в Центральной Азии, из неё и внутри неё. Государства-участники обсуждают смешанные миграционные потоки "
    "и вырабатывают совместные меры реагирования на них.",
    "The Almaty Process is a regional consultative process on refugee protection and international migration "
    "to, from and within Central Asia. Its participating states discuss mixed migration and agree on joint "
    "responses to it.",
)

BUDAPEST_PROCESS = {
    "description": T(
        "Будапештский процесс — консультативный форум по миграции, в котором участвуют более 50 правительств "
        "и 10 международных организаций. За более чем два десятилетия он превратился из механизма обмена "
        "информацией между европейскими странами накануне расширения ЕС в диалог, охватывающий Европу и Азию. "
        "С 2006 года "
        "председательствует Турция, сопредседательствует Венгрия; секретариат ведёт МЦРМП.\n\n"
        "После принятия в 2013 году Стамбульской министерской декларации главное направление работы — "
        "Партнёрство по вопросам миграции в регионе Шёлкового пути с Афганистаном, Бангладеш, Ираком, Ираном "
        "и Пакистаном. Ежегодно проводятся совещания старших должностных лиц, а в период между ними работают "
        "три региональные рабочие группы: по Шёлковому пути, по Юго-Восточной Европе и по Черноморскому региону.",
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
        "совещаниях старших должностных лиц, в рабочих группах по Шёлковому пути, Черноморскому региону и "
        "Юго-Восточной Европе, а также участвовали в 5-й министерской конференции (Стамбул, 2013). "
        "В ноябре 2014 г. в Душанбе состоялось 5-е совещание рабочей группы по Шёлковому пути, в мае 2015 г. "
        "в Алматы — совещание по проекту, посвящённому странам СНГ.\n\n"
        "Проект содействия Партнёрству Шёлкового пути (2014–2017 гг.) призван помочь государственным служащим "
        "повысить квалификацию, улучшить сбор данных о миграции и подготовить национальную миграционную "
        "политику.",
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
        "• возможность в ходе одного совещания установить контакты с представителями 20–40 стран;\n"
        "• неформальные беседы в кулуарах, способствующие продвижению сложных переговоров;\n"
        "• лучшее понимание миграционной ситуации в других странах;\n"
        "• проектные идеи, возникающие в ходе диалога, и обмен знаниями между коллегами.",
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
    "Процесс Конференции по СНГ начался после Женевской конференции 1996 г. Он был посвящён проблемам "
    "беженцев, вынужденных переселенцев, репатриантов и лиц без гражданства, возникшим в странах СНГ и "
    "соседних государствах после распада Советского Союза. Работу совместного секретариата обеспечивали "
    "УВКБ ООН, МОМ и ОБСЕ, позднее к ним присоединился Совет Европы. Процесс завершился встречей в Женеве "
    "10 октября 2005 г.; его архив хранится на портале как предыстория нынешнего регионального диалога.",
    "The CIS Conference Process grew out of the 1996 Geneva conference. It dealt with the refugees, displaced "
    "people, returnees and stateless people left in the CIS countries and their neighbours by the break-up of "
    "the Soviet Union. UNHCR, IOM and the OSCE ran a joint secretariat, later joined by the Council of Europe. "
    "The process ended with a meeting in Geneva on 10 October 2005; its record is kept here as background to "
    "today's regional dialogue.",
)


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
    chair: T = EMPTY


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
        f"{number}-е совещание старших должностных лиц Будапештского процесса",
        f"{ordinal_en(number)} Meeting of Senior Officials of the Budapest Process",
    )


def bp_wg(number: int | None, region: T) -> T:
    if number is None:
        return T(
            f"Совещание рабочей группы Будапештского процесса {region.ru}",
            f"Meeting of the Budapest Process Working Group {region.en}",
        )
    return T(
        f"{number}-е совещание рабочей группы Будапештского процесса {region.ru}",
        f"{ordinal_en(number)} meeting of the Budapest Process Working Group {region.en}",
    )


# The partner's meetings with Central Asian participation (seed 002). `states` are the Central
# Asian states that took part; where the Budapest Process itself organised a meeting in the
# region, the seed names no delegations, so only the host is listed.
BUDAPEST_MEETINGS = [
    MeetingData(
        "bp-som-16-istanbul-2010",
        SOM,
        16,
        bp_som(16),
        d(2010, 11, 3),
        d(2010, 11, 3),
        "istanbul",
        "turkey",
        ("kyrgyzstan", "tajikistan"),
    ),
    MeetingData(
        "bp-wg-black-sea-2-sofia-2011",
        WG,
        2,
        bp_wg(2, BLACK_SEA),
        d(2011, 2, 9),
        d(2011, 2, 10),
        "sofia",
        "bulgaria",
        ("kyrgyzstan",),
        T(
            "Совещание было посвящено сотрудничеству пограничных служб в Черноморском регионе.",
            "The meeting looked at cooperation between border guard services in the Black Sea region.",
        ),
    ),
    MeetingData(
        "bp-wg-silk-routes-2-nevsehir-2011",
        WG,
        2,
        bp_wg(2, SILK_ROUTES),
        d(2011, 6, 7),
        d(2011, 6, 8),
        "nevsehir",
        "turkey",
        ("kyrgyzstan", "tajikistan"),
        T(
            "Обсуждались миграционная ситуация в странах Шёлкового пути и сотрудничество между ними.",
            "Discussion of the migration situation in the Silk Routes countries and of cooperation "
            "between and within them.",
        ),
    ),
    MeetingData(
        "bp-som-17-ankara-2011",
        SOM,
        17,
        T(
            "17-е совещание старших должностных лиц Будапештского процесса и первое межправительственное "
            "совещание по проекту «Шёлковый путь»",
            "17th Meeting of Senior Officials of the Budapest Process and First Intergovernmental Meeting "
            "of the Silk Routes Project",
        ),
        d(2011, 11, 17),
        d(2011, 11, 18),
        "ankara",
        "turkey",
        ("kyrgyzstan",),
    ),
    MeetingData(
        "bp-wg-silk-routes-3-tbilisi-2012",
        WG,
        3,
        T(
            f"{bp_wg(3, SILK_ROUTES).ru} и 2-я межправительственная конференция по проекту «Шёлковый путь»",
            f"{bp_wg(3, SILK_ROUTES).en} and 2nd Intergovernmental Conference of the Silk Routes Project",
        ),
        d(2012, 6, 28),
        d(2012, 6, 29),
        "tbilisi",
        "georgia",
        ("kyrgyzstan",),
        T("Тема совещания — миграция и развитие.", "The meeting's theme was migration and development."),
    ),
    MeetingData(
        "bp-wg-black-sea-3-sofia-2012",
        WG,
        3,
        bp_wg(3, BLACK_SEA),
        d(2012, 11, 12),
        d(2012, 11, 13),
        "sofia",
        "bulgaria",
        ("kyrgyzstan", "tajikistan", "uzbekistan"),
        T(
            "Обсуждалась взаимосвязь урегулированной и неурегулированной миграции в Черноморском регионе.",
            "Discussion of how regular and irregular migration are linked in the Black Sea region.",
        ),
    ),
    MeetingData(
        "bp-ministerial-5-istanbul-2013",
        Meeting.Kind.MINISTERIAL,
        5,
        T("5-я министерская конференция Будапештского процесса", "5th Ministerial Conference of the Budapest Process"),
        d(2013, 4, 19),
        d(2013, 4, 19),
        "istanbul",
        "turkey",
        ("kyrgyzstan", "tajikistan"),
        T(
            "Конференция приняла Стамбульскую министерскую декларацию о Партнёрстве по вопросам миграции "
            "в регионе Шёлкового пути.",
            "The conference adopted the Istanbul Ministerial Declaration on a Silk Routes Partnership for Migration.",
        ),
    ),
    MeetingData(
        "silk-routes-i-final-conference-islamabad-2013",
        THEMATIC,
        None,
        T("Итоговая конференция проекта «Шёлковый путь I»", "Final conference of the Silk Routes I project"),
        d(2013, 10, 28),
        d(2013, 10, 29),
        "islamabad",
        "pakistan",
        ("kyrgyzstan", "tajikistan"),
        T(
            "Подведены итоги проекта содействия сотрудничеству в области миграции с регионом "
            "Шёлкового пути и внутри него.",
            "Closing conference of the project on migration cooperation with and within the Silk Routes region.",
        ),
    ),
    MeetingData(
        "bp-wg-silk-routes-4-islamabad-2013",
        WG,
        4,
        bp_wg(4, SILK_ROUTES),
        d(2013, 10, 28),
        d(2013, 10, 29),
        "islamabad",
        "pakistan",
        ("kyrgyzstan", "tajikistan"),
        T("Общие вопросы управления миграцией.", "General questions of migration management."),
    ),
    MeetingData(
        "bp-som-21-istanbul-2013",
        SOM,
        21,
        bp_som(21),
        d(2013, 12, 9),
        d(2013, 12, 10),
        "istanbul",
        "turkey",
        ("kyrgyzstan", "tajikistan"),
    ),
    MeetingData(
        "silk-routes-partnership-kick-off-budapest-2014",
        THEMATIC,
        None,
        T(
            "Стартовая конференция проекта содействия Партнёрству Шёлкового пути",
            "Kick-off conference of the project in support of the Silk Routes Partnership",
        ),
        d(2014, 6, 2),
        d(2014, 6, 3),
        "budapest",
        "hungary",
        ("kyrgyzstan", "uzbekistan"),
    ),
    MeetingData(
        "bp-wg-south-east-europe-budapest-2014",
        WG,
        None,
        bp_wg(None, SOUTH_EAST_EUROPE),
        d(2014, 6, 3),
        d(2014, 6, 4),
        "budapest",
        "hungary",
        ("kyrgyzstan",),
        T(
            "Совещание по итогам работы группы в 2012 г. над планом действий в отношении смешанных "
            "миграционных потоков.",
            "A follow-up to the group's 2012 meeting on an action plan for mixed migration flows.",
        ),
    ),
    MeetingData(
        "bp-wg-silk-routes-5-dushanbe-2014",
        WG,
        5,
        bp_wg(5, SILK_ROUTES),
        d(2014, 11, 11),
        d(2014, 11, 12),
        "dushanbe",
        "tajikistan",
        ("tajikistan",),
        T(
            "Трудовая миграция и защита трудящихся-мигрантов — первая приоритетная область Стамбульской декларации.",
            "Labour migration and the protection of migrant workers, the first priority area of the "
            "Istanbul Declaration.",
        ),
    ),
    MeetingData(
        "bp-wg-black-sea-4-sofia-2015",
        WG,
        4,
        bp_wg(4, BLACK_SEA),
        d(2015, 3, 17),
        d(2015, 3, 18),
        "sofia",
        "bulgaria",
        ("tajikistan",),
        T("Влияние кризисов на управление миграцией.", "How crises affect migration management."),
    ),
    MeetingData(
        "bp-cis-redirection-3-almaty-2015",
        THEMATIC,
        3,
        T(
            "3-е совещание по проекту переориентации Будапештского процесса на регион СНГ",
            "3rd meeting of the project re-directing the Budapest Process towards the CIS region",
        ),
        d(2015, 5, 19),
        d(2015, 5, 20),
        "almaty",
        "kazakhstan",
        ("kazakhstan",),
        T(
            "Проект охватывает Казахстан, Кыргызстан, Таджикистан, Туркменистан и Узбекистан.",
            "The project concentrates on Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.",
        ),
    ),
    MeetingData(
        "bp-wg-silk-routes-6-islamabad-2015",
        WG,
        6,
        bp_wg(6, SILK_ROUTES),
        d(2015, 6, 8),
        d(2015, 6, 9),
        "islamabad",
        "pakistan",
        ("kazakhstan", "kyrgyzstan"),
        T(
            "Неурегулированная миграция и торговля людьми — четвёртая и пятая приоритетные области "
            "Стамбульской декларации.",
            "Irregular migration and trafficking in persons, the fourth and fifth priority areas of the "
            "Istanbul Declaration.",
        ),
    ),
]

# The Almaty Process's own meetings. The outcome statement (seed 001) gives no date: mid-November 2016
# fits the Kyrgyz chairmanship it mentions, and the page says the dates are approximate.
THIRD_SOM_SLUG = "third-senior-officials-meeting-2016"
THIRD_SOM = MeetingData(
    THIRD_SOM_SLUG,
    SOM,
    3,
    T(
        "Третья встреча высших должностных лиц Алматинского процесса",
        "Third Senior Officials Meeting of the Almaty Process",
    ),
    d(2016, 11, 16),
    d(2016, 11, 17),
    "almaty",
    "kazakhstan",
    (),
    T(
        "Высшие должностные лица и национальные координаторы государств-участников совместно с УВКБ ООН и МОМ "
        "обсудили меры реагирования на смешанные миграционные потоки в Центральной Азии. Особое внимание было "
        "уделено правам уязвимых мигрантов и беженцев, трудовой миграции, противодействию торговле людьми, "
        "решениям для беженцев и готовности к чрезвычайным ситуациям. Участники подвели итоги "
        "председательства Кыргызской Республики и определили дальнейшие шаги. Даты встречи указаны условно.",
        "Senior officials and national focal points of the participating states, together with UNHCR and "
        "IOM, discussed responses to mixed migration in Central Asia: the rights of vulnerable migrants and "
        "refugees, labour migration, action against trafficking, solutions for refugees and emergency "
        "preparedness. The meeting took stock of the Kyrgyz Republic's chairmanship and agreed on next "
        "steps. The dates of the meeting are approximate.",
    ),
    chair=T("Кыргызская Республика", "Kyrgyz Republic"),
)
# The participating and observer states named in the outcome statement, with their roles there.
THIRD_SOM_STATES = (
    "afghanistan",
    "azerbaijan",
    "china",
    "iran",
    "kazakhstan",
    "kyrgyzstan",
    "pakistan",
    "tajikistan",
    "turkey",
    "turkmenistan",
)
THIRD_SOM_ROLES = {"kyrgyzstan": Participation.Role.CHAIR, "china": Participation.Role.OBSERVER}

# An example of a planned meeting, so that the calendar has something ahead; it says so on its page.
UPCOMING_SLUG = "senior-officials-meeting-2027"
UPCOMING = MeetingData(
    UPCOMING_SLUG,
    SOM,
    None,
    T(
        "Встреча высших должностных лиц Алматинского процесса 2027 г.",
        "Senior Officials Meeting of the Almaty Process, 2027",
    ),
    d(2027, 6, 15),
    d(2027, 6, 16),
    "almaty",
    "kazakhstan",
    (),
    T(
        "Пример запланированной встречи для демонстрации портала: повестку дня готовит секретариат совместно "
        "с председательством.",
        "An example of a planned meeting, shown to demonstrate the portal: the secretariat is preparing the "
        "agenda with the chairmanship.",
    ),
    status=Meeting.Status.PLANNED,
)

# The final meeting of the CIS Conference Process (seed 003).
CIS_FINAL_SLUG = "cis-conference-process-final-meeting-2005"
CIS_FINAL = MeetingData(
    CIS_FINAL_SLUG,
    SOM,
    None,
    T("Заключительная встреча процесса Конференции по СНГ", "Final meeting of the CIS Conference Process"),
    d(2005, 10, 10),
    d(2005, 10, 10),
    "geneva",
    "switzerland",
    (),
    T(
        "Участники одобрили заключительное заявление, подвели итоги десятилетней работы по осуществлению "
        "Программы действий 1996 г. и обсудили, какой механизм придёт на смену процессу. Беларусь предложила "
        "общий диалог стран СНГ с постоянным секретариатом в Минске, Молдова — гибкие субрегиональные группы. "
        "Решение было отложено до технической встречи в начале 2006 г. Туркменистан и Узбекистан на "
        "встрече отсутствовали.",
        "Participants endorsed a final statement, took stock of ten years of work under the 1996 Programme "
        "of Action and discussed what should follow the process: Belarus proposed a CIS-wide dialogue with a "
        "permanent secretariat in Minsk, Moldova flexible sub-regional groups. The decision was left to a "
        "technical meeting in early 2006. Turkmenistan and Uzbekistan did not attend.",
    ),
    chair=T("УВКБ ООН и МОМ (сопредседатели)", "UNHCR and IOM (co-chairs)"),
)
CIS_PRESENT = (
    "russia",
    "armenia",
    "azerbaijan",
    "belarus",
    "georgia",
    "kazakhstan",
    "kyrgyzstan",
    "moldova",
    "tajikistan",
    "ukraine",
)
CIS_ABSENT = ("turkmenistan", "uzbekistan")
# The eighteen friends of the process, neighbouring countries and observers that the report names
# without telling them apart, and the United States, which spoke as one of the friends and observers:
# all take part as observers. Most of them are not participating states of the Almaty Process.
CIS_OBSERVERS = (
    "austria",
    "bulgaria",
    "china",
    "czechia",
    "denmark",
    "estonia",
    "france",
    "finland",
    "germany",
    "iran",
    "ireland",
    "latvia",
    "lithuania",
    "poland",
    "portugal",
    "romania",
    "switzerland",
    "turkey",
    "united-states",
)
CIS_CO_CHAIRS = ("unhcr", "iom")
CIS_ORGANISATIONS = (
    "council-of-europe",
    "undp",
    "osce",
    "ilo",
    "danish-refugee-council",
    "gyla",
    "nonviolence-international",
)


# --- Pages and news ----------------------------------------------------------------------------------------------

ABOUT = T(
    "Алматинский процесс — региональный консультативный процесс по защите беженцев и международной миграции "
    "в Центральной Азии, из неё и внутри неё. Он служит правительствам постоянной платформой для диалога о "
    "смешанных миграционных потоках, в составе которых беженцы, лица, ищущие убежища, трудящиеся-мигранты, "
    "лица без гражданства и жертвы торговли людьми следуют одними и теми же маршрутами, а также для выработки "
    "совместных мер реагирования.\n\n"
    "Люди покидают свои дома и перемещаются в пределах региона по многим причинам: из-за экономических "
    "трудностей, споров за землю и воду, напряжённости между общинами, стихийных бедствий и ухудшения "
    "состояния окружающей среды. Страны региона принимают беженцев, прежде всего из Афганистана; в регионе "
    "проживает значительное число лиц без гражданства.\n\n"
    "Процесс берёт начало в Алматинской декларации 2011 г. и с 2013 г. действует как региональный "
    "консультативный процесс. Государства-участники стремятся:\n"
    "• поддерживать постоянный диалог о миграции и защите беженцев;\n"
    "• создавать механизмы, позволяющие отслеживать неурегулированную миграцию и реагировать на неё;\n"
    "• вырабатывать общее понимание причин и последствий вынужденного перемещения и миграции;\n"
    "• проводить согласованную политику, учитывающую различные потребности мигрантов и беженцев;\n"
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
    "УВКБ ООН и Международная организация по миграции (МОМ) совместно обеспечивают работу секретариата "
    "Алматинского процесса. Секретариат:\n"
    "• обеспечивает преемственность процесса: ведёт его архив и настоящий портал на русском и английском "
    "языках;\n"
    "• помогает председательству в организации конференций, встреч и семинаров;\n"
    "• собирает, переводит и распространяет материалы в преддверии встреч, а по их итогам готовит сборники "
    "для публикации;\n"
    "• помогает государствам-участникам обмениваться сведениями по всем вопросам миграции и защиты беженцев;\n"
    "• по просьбе председательства анализирует информацию и проводит исследования по вопросам убежища и "
    "миграции;\n"
    "• проводит мониторинг СМИ, готовит совместные информационные бюллетени и брифинги;\n"
    "• содействует подготовке проектных предложений для привлечения средств на осуществление плана действий;\n"
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
        "20 апреля 2022 г. делегация ООН во главе с Натальей Герман обсудила с руководством Казахстанского "
        "института стратегических исследований дальнейшее сотрудничество экспертного сообщества региона.",
        "On 20 April 2022 a UN delegation led by Natalia Gherman discussed further cooperation among the "
        "region's experts with the Kazakhstan Institute for Strategic Studies.",
    ),
    "body": T(
        "В делегацию вошли Специальный представитель Генерального секретаря ООН, глава РЦПДЦА Наталья Герман, "
        "координатор-резидент ООН в Казахстане Микаэла Фриберг-Стори и сотрудники Центра.\n\n"
        "Стороны договорились продолжить ежегодное проведение Центральноазиатского экспертного форума, который "
        "с 2018 г. объединяет ведущие аналитические центры пяти стран региона, развивать экспертный диалог по "
        "вопросам водных ресурсов и изменения климата, а также совместно работать над расширением роли женщин "
        "и обеспечением гендерного равенства.\n\n"
        "Особое внимание было уделено Афганистану: участники отметили тяжёлую гуманитарную ситуацию в стране "
        "и важность участия афганских экспертов в региональных экспертных обсуждениях. Обсуждались также "
        "продовольственная безопасность региона и реформы в Казахстане. Директор КазИСИ Е. Тукумов предложил "
        "провести внеочередное заседание форума по самым острым региональным вопросам.",
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


PAGES = [
    # slug, position, title, body
    ("about", 1, T("Об Алматинском процессе", "About the Almaty Process"), ABOUT),
    ("secretariat", 2, T("Секретариат", "Secretariat"), SECRETARIAT),
]
NEWS = [
    # slug, date, texts by field
    ("unrcca-meets-kaziss-2022", d(2022, 4, 20), NEWS_UNRCCA),
]


# --- Documents ---------------------------------------------------------------------------------------------------

SEED_STATEMENT = "001_f5bf1f298d79ffb4.txt"
SEED_BUDAPEST = "002_534ba1215e34b119.txt"


@dataclass(frozen=True)
class FileData:
    """One file of a document: a seed document if the seeds folder has it, otherwise these paragraphs."""

    language: str
    name: str
    paragraphs: tuple[str, ...]
    seed: str = ""


@dataclass(frozen=True)
class DocumentData:
    kind: str
    title: T
    date: datetime.date
    summary: T
    files: tuple[FileData, ...]
    meeting: str | None = None
    states: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    draft: bool = False
    # The portal's own symbol (docs/api.md, "Document symbols"): AP/<meeting code>/<year>/<n>; illustrative.
    symbol: str = ""


DOCUMENTS = [
    DocumentData(
        Document.Kind.OUTCOME_STATEMENT,
        T(
            "Итоговое заявление Третьей встречи высших должностных лиц Алматинского процесса",
            "Outcome statement of the Third Senior Officials Meeting of the Almaty Process",
        ),
        THIRD_SOM.end,
        T(
            "Пятнадцать пунктов о смешанных миграционных потоках, правах мигрантов и беженцев и региональном "
            "сотрудничестве.",
            "Fifteen paragraphs on mixed migration, the rights of migrants and refugees, and regional cooperation.",
        ),
        (
            FileData(
                "ru",
                "third-som-outcome-statement-ru.txt",
                (
                    "Итоговое заявление Третьей встречи высших должностных лиц Алматинского процесса",
                    "Текст заявления будет добавлен секретариатом.",
                ),
                seed=SEED_STATEMENT,
            ),
            FileData(
                "en",
                "third-som-outcome-statement-en.txt",
                (
                    "Outcome statement of the Third Senior Officials Meeting of the Almaty Process",
                    "The statement was adopted in Russian. This note summarises it: the participating states "
                    "reaffirmed their commitment to protect refugees and the rights of all migrants, called for "
                    "better national laws and regional cooperation on mixed migration, labour migration and "
                    "trafficking, and confirmed the value of the Almaty Process as a forum for dialogue.",
                ),
            ),
        ),
        meeting=THIRD_SOM_SLUG,
        states=THIRD_SOM_STATES,
        organisations=("unhcr", "iom"),
        symbol="AP/SOM.3/2016/2",
    ),
    # Not in the seeds: an example of an agenda, and it says so.
    DocumentData(
        Document.Kind.AGENDA,
        T("Повестка дня Третьей встречи высших должностных лиц", "Agenda of the Third Senior Officials Meeting"),
        THIRD_SOM.start,
        T(
            "Порядок работы двухдневной встречи (пример для демонстрации портала).",
            "The order of business of the two-day meeting (an example, shown to demonstrate the portal).",
        ),
        (
            FileData(
                "ru",
                "third-som-agenda-ru.txt",
                (
                    "Повестка дня Третьей встречи высших должностных лиц Алматинского процесса (пример)",
                    "День 1. Открытие встречи; смешанные миграционные потоки в Центральной Азии; права уязвимых "
                    "мигрантов.",
                    "День 2. Решения для беженцев; итоги председательства; дальнейшие шаги; принятие итогового "
                    "заявления.",
                ),
            ),
            FileData(
                "en",
                "third-som-agenda-en.txt",
                (
                    "Agenda of the Third Senior Officials Meeting of the Almaty Process (example)",
                    "Day 1. Opening; mixed migration in Central Asia; rights of vulnerable migrants.",
                    "Day 2. Solutions for refugees; review of the chairmanship; next steps; adoption of the "
                    "outcome statement.",
                ),
            ),
        ),
        meeting=THIRD_SOM_SLUG,
        symbol="AP/SOM.3/2016/1",
    ),
    # The form is undated; the latest event it lists took place in June 2015.
    DocumentData(
        Document.Kind.PARTICIPANT_INFORMATION,
        T("Будапештский процесс: информация участника", "Budapest Process: participant information"),
        d(2015, 6, 30),
        T(
            "Описание партнёрского процесса, его мероприятий с участием стран Центральной Азии и контактные данные.",
            "The partner process's description, its events with Central Asian participation, and contacts.",
        ),
        (
            FileData(
                "en",
                "budapest-process-participant-information.txt",
                (
                    "Budapest Process: participant information",
                    "A summary of the partner process's work in Central Asia; see the process's page.",
                ),
                seed=SEED_BUDAPEST,
            ),
            FileData(
                "ru",
                "budapest-process-participant-information-ru.txt",
                (
                    "Будапештский процесс: информация участника",
                    "Краткое описание партнёрского процесса и его мероприятий в Центральной Азии приведено на "
                    "странице процесса.",
                ),
            ),
        ),
        organisations=("budapest-process", "icmpd"),
        symbol="AP/INF/2015/1",
    ),
    DocumentData(
        Document.Kind.REPORT,
        T(
            "Доклад о заключительной встрече процесса Конференции по СНГ",
            "Report on the final meeting of the CIS Conference Process",
        ),
        CIS_FINAL.start,
        T(
            "Состав участников, выступления делегаций и предложения о дальнейшем сотрудничестве.",
            "Who attended, what the delegations said and which proposals were made for future cooperation.",
        ),
        (
            FileData(
                "ru",
                "cis-final-meeting-report-ru.txt",
                (
                    "Заключительная встреча процесса Конференции по СНГ, Женева, 10 октября 2005\u00a0г.",
                    "В работе встречи приняли участие десять государств СНГ; Туркменистан и Узбекистан отсутствовали. "
                    "Сопредседателями встречи выступили УВКБ ООН и МОМ. Восемнадцать государств — друзей процесса, "
                    "соседних стран и наблюдателей, а также Соединённые Штаты Америки участвовали в качестве "
                    "наблюдателей.",
                ),
            ),
            FileData(
                "en",
                "cis-final-meeting-report-en.txt",
                (
                    "Final meeting of the CIS Conference Process, Geneva, 10 October 2005",
                    "Ten CIS states attended; Turkmenistan and Uzbekistan were absent. UNHCR and IOM co-chaired. "
                    "Eighteen friends of the process, neighbouring countries and observers, and the United States, "
                    "attended as observers.",
                ),
            ),
        ),
        meeting=CIS_FINAL_SLUG,
        states=CIS_PRESENT + CIS_ABSENT,
        organisations=("unhcr", "iom"),
        symbol="AP/CISCP/2005/1",
    ),
    # The one draft of the demo, so that staff can see how unpublished work looks.
    DocumentData(
        Document.Kind.AGENDA,
        T(
            "Повестка дня встречи высших должностных лиц 2027\u00a0г. (черновик)",
            "Agenda of the 2027 Senior Officials Meeting (draft)",
        ),
        d(2027, 3, 1),
        T(
            "Черновик для обсуждения с председательством; не опубликован.",
            "A draft for discussion with the chairmanship; not published.",
        ),
        (
            FileData("ru", "som-2027-draft-agenda-ru.txt", ("Проект повестки дня (черновик).",)),
            FileData("en", "som-2027-draft-agenda-en.txt", ("Draft agenda (draft).",)),
        ),
        meeting=UPCOMING_SLUG,
        draft=True,
        symbol="AP/SOM/2027/1",
    ),
]

FOCAL_POINT_POSITION = T("Национальный координатор", "National focal point")


# --- Key figures -------------------------------------------------------------------------------------------------
# The indicators are real ones, with their real sources; the figures in demo/figures/ are not. They are
# sample data written in the layouts of the sources' own CSV files and loaded through the same importer
# as a real download, and every page that shows them labels them «учебные данные» / "sample data".


@dataclass(frozen=True)
class IndicatorData:
    slug: str
    name: T
    definition: T
    unit: T
    source_name: T
    source_url: str
    source_code: str
    decimal_places: int = 0


UNHCR_SOURCE = T("УВКБ ООН, Refugee Data Finder", "UNHCR Refugee Data Finder")
UNHCR_URL = "https://www.unhcr.org/refugee-statistics/"
WDI_SOURCE = T("Всемирный банк, World Development Indicators", "World Bank, World Development Indicators")
PERSONS = T("человек", "persons")
# Both sources publish their data under Creative Commons Attribution 4.0.
SOURCE_LICENCE = "CC BY 4.0"

INDICATORS = [
    IndicatorData(
        "refugees-hosted",
        T("Беженцы, принятые государством", "Refugees hosted"),
        T(
            "Беженцы под мандатом УВКБ ООН, находящиеся в стране на конец года, из всех стран происхождения.",
            "Refugees under UNHCR’s mandate living in the country at the end of the year, from all countries of "
            "origin.",
        ),
        PERSONS,
        UNHCR_SOURCE,
        UNHCR_URL,
        "Refugees under UNHCR's mandate",
    ),
    IndicatorData(
        "asylum-seekers",
        T("Лица, ищущие убежища", "Asylum-seekers"),
        T(
            "Лица, ходатайство которых о предоставлении убежища на конец года ещё не рассмотрено.",
            "People whose claim for asylum had not yet been decided at the end of the year.",
        ),
        PERSONS,
        UNHCR_SOURCE,
        UNHCR_URL,
        "Asylum-seekers",
    ),
    IndicatorData(
        "stateless-persons",
        T("Лица без гражданства (апатриды)", "Stateless persons"),
        T(
            "Лица, которых ни одно государство не считает своими гражданами, по данным на конец года.",
            "People not considered nationals by any state, counted at the end of the year.",
        ),
        PERSONS,
        UNHCR_SOURCE,
        UNHCR_URL,
        "Stateless persons",
    ),
    IndicatorData(
        "international-migrant-stock",
        T("Международные мигранты", "International migrant stock"),
        T(
            "Число людей, родившихся в другой стране (или, где это неизвестно, иностранных граждан), живущих в "
            "стране в середине года.",
            "The number of people born in another country (or, where that is not known, foreign citizens) living "
            "in the country at mid-year.",
        ),
        PERSONS,
        WDI_SOURCE,
        "https://data.worldbank.org/indicator/SM.POP.TOTL",
        "SM.POP.TOTL",
    ),
    IndicatorData(
        "remittances-share-of-gdp",
        T("Денежные переводы мигрантов", "Remittances received"),
        T(
            "Личные денежные переводы, полученные страной, в процентах от её валового внутреннего продукта.",
            "Personal remittances received by the country, as a share of its gross domestic product.",
        ),
        T("% ВВП", "% of GDP"),
        WDI_SOURCE,
        "https://data.worldbank.org/indicator/BX.TRF.PWKR.DT.GD.ZS",
        "BX.TRF.PWKR.DT.GD.ZS",
        decimal_places=1,
    ),
]

# Sample files in the sources' layouts (demo/figures/), and the date they were written.
FIGURE_FILES = [
    "unhcr_population_sample.csv",
    "API_SM.POP.TOTL_DS2_en_csv_sample.csv",
    "API_BX.TRF.PWKR.DT.GD.ZS_DS2_en_csv_sample.csv",
]
FIGURES_WRITTEN = d(2026, 11, 26)
