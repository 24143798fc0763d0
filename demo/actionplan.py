"""The demo's action plan: the commitments of the Third SOM outcome statement (seed 001), in our own words.

No meeting adopted this plan: the priorities, the lead and partner states, the dates, the statuses and
the progress updates illustrate how the tracker works, and the site says so on every activity
(«Учебный пример» / "Illustrative example"). What is real is the paragraph each activity comes from.
"""

import datetime
from dataclasses import dataclass

import reversion

from actionplan.models import ActionPlan, Activity, Priority, ProgressUpdate
from core.models import Publishable
from demo.data import T
from demo.records import both, upsert
from meetings.models import Meeting, StatementParagraph
from participants.models import Organisation, State

PUBLISHED = Publishable.PublicationStatus.PUBLISHED
Status = Activity.Status


def d(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)


@dataclass(frozen=True)
class ActivityData:
    title: T
    description: T
    paragraphs: tuple[int, ...]
    status: str
    start: datetime.date
    end: datetime.date | None
    lead_states: tuple[str, ...] = ()
    partner_states: tuple[str, ...] = ()
    lead_organisations: tuple[str, ...] = ()
    partner_organisations: tuple[str, ...] = ()
    updates: tuple[tuple[datetime.date, T], ...] = ()


PLAN_TITLE = T(
    "План действий по итогам Третьей встречи ВВДЛ (учебный пример)",
    "Action plan following the Third SOM (illustrative example)",
)
PLAN_DESCRIPTION = T(
    "Составлен командой портала по обязательствам из итогового заявления Третьей встречи высших должностных лиц "
    "(Алматы, 16–17 ноября 2016\u00a0г.), чтобы показать, как работает учёт мероприятий. Ни одна встреча его не "
    "принимала: ведущие государства, сроки и ход работы вымышлены.",
    "Drawn up by the portal team from the commitments of the Third Senior Officials Meeting's outcome statement "
    "(Almaty, 16–17 November 2016) to show how the tracker works. No meeting adopted it: the lead states, the "
    "dates and the progress are made up.",
)

PRIORITIES: list[tuple[T, list[ActivityData]]] = [
    (
        T("Защита беженцев и лиц, ищущих убежища", "Protection of refugees and asylum-seekers"),
        [
            ActivityData(
                T(
                    "Опора на региональные рекомендации по выявлению и перенаправлению на границах",
                    "Using the regional recommendations on identification and referral at borders",
                ),
                T(
                    "Государства сверяют проекты законов и правил о вынужденной миграции с региональными "
                    "рекомендациями, одобренными на встрече, и делятся итогами сверки.",
                    "States check their draft laws and rules on forced migration against the regional "
                    "recommendations the meeting welcomed, and share what they found.",
                ),
                (12,),
                Status.IN_PROGRESS,
                d(2017, 3, 1),
                d(2018, 12, 31),
                lead_states=("kyrgyzstan",),
                partner_states=("kazakhstan", "tajikistan"),
                lead_organisations=("unhcr",),
                updates=(
                    (
                        d(2017, 10, 12),
                        T(
                            "Проведён национальный семинар для пограничной службы.",
                            "A national workshop for the border service took place.",
                        ),
                    ),
                    (
                        d(2018, 4, 20),
                        T(
                            "Подготовлен перечень норм, которые предлагается уточнить.",
                            "A list of provisions proposed for revision has been drafted.",
                        ),
                    ),
                ),
            ),
            ActivityData(
                T(
                    "Обзор решений для беженцев, давно живущих в регионе",
                    "Review of solutions for refugees who have long lived in the region",
                ),
                T(
                    "Исследование возможностей экономической самостоятельности и иных форм законного проживания "
                    "для беженцев, которые много лет находятся в странах Центральной Азии.",
                    "A study of self-reliance and other lawful ways of staying for refugees who have spent many "
                    "years in Central Asian countries.",
                ),
                (13,),
                Status.PLANNED,
                d(2018, 1, 15),
                d(2019, 6, 30),
                lead_states=("kazakhstan",),
                partner_states=("kyrgyzstan", "turkmenistan"),
                partner_organisations=("unhcr",),
            ),
            ActivityData(
                T(
                    "Готовность к чрезвычайным ситуациям и массовым перемещениям",
                    "Preparedness for emergencies and mass displacement",
                ),
                T(
                    "Совместные учения и планы действий на случай внезапного притока людей, при поддержке УВКБ ООН "
                    "и МОМ.",
                    "Joint exercises and contingency plans for a sudden arrival of people, with the support of UNHCR "
                    "and IOM.",
                ),
                (14,),
                Status.COMPLETED,
                d(2017, 2, 1),
                d(2017, 11, 30),
                lead_states=("tajikistan",),
                partner_states=("afghanistan",),
                lead_organisations=("unhcr", "iom"),
                updates=(
                    (
                        d(2017, 11, 28),
                        T(
                            "Учения проведены, план действий утверждён.",
                            "The exercise was held and the contingency plan approved.",
                        ),
                    ),
                ),
            ),
        ],
    ),
    (
        T("Права трудящихся-мигрантов", "Rights of migrant workers"),
        [
            ActivityData(
                T(
                    "Честный наём: правила для работодателей и агентств",
                    "Fair recruitment: rules for employers and agencies",
                ),
                T(
                    "Обмен опытом о том, как упорядочить трудоустройство мигрантов и добиться соблюдения правил "
                    "найма иностранцев.",
                    "An exchange on how to put order into migrants' recruitment and make employers follow the rules "
                    "on hiring foreign workers.",
                ),
                (7,),
                Status.IN_PROGRESS,
                d(2017, 5, 1),
                None,
                lead_states=("kazakhstan",),
                partner_states=("uzbekistan", "kyrgyzstan"),
                lead_organisations=("iom",),
                updates=(
                    (
                        d(2018, 2, 8),
                        T(
                            "Собраны сведения о действующих правилах в трёх государствах.",
                            "The rules in force in three states have been collected.",
                        ),
                    ),
                ),
            ),
            ActivityData(
                T(
                    "Двусторонние соглашения о защите трудящихся-мигрантов",
                    "Bilateral agreements protecting migrant workers",
                ),
                T(
                    "Подготовка типовых положений для соглашений между странами происхождения и назначения.",
                    "Model clauses for agreements between countries of origin and destination.",
                ),
                (8,),
                Status.SUSPENDED,
                d(2017, 9, 1),
                d(2019, 12, 31),
                lead_states=("tajikistan",),
                partner_states=("kazakhstan",),
            ),
            ActivityData(
                T("Дешевле и проще: денежные переводы мигрантов", "Cheaper and simpler remittances"),
                T(
                    "Вместе с банками — способы удешевить переводы и направить их на образование и здравоохранение.",
                    "Working with banks on ways to make transfers cheaper and to put them to use in education and "
                    "health.",
                ),
                (11,),
                Status.PLANNED,
                d(2018, 6, 1),
                d(2019, 12, 31),
                lead_states=("kyrgyzstan",),
                partner_states=("tajikistan", "uzbekistan"),
            ),
        ],
    ),
    (
        T(
            "Противодействие торговле людьми и незаконному ввозу мигрантов",
            "Countering trafficking in persons and smuggling of migrants",
        ),
        [
            ActivityData(
                T(
                    "Информационные кампании против торговли людьми",
                    "Information campaigns against trafficking in persons",
                ),
                T(
                    "Кампании для тех, кто собирается на заработки, с участием диаспор и НПО.",
                    "Campaigns for people planning to work abroad, with diasporas and NGOs taking part.",
                ),
                (9,),
                Status.COMPLETED,
                d(2017, 4, 1),
                d(2018, 3, 31),
                lead_states=("uzbekistan",),
                partner_states=("kyrgyzstan", "tajikistan"),
                partner_organisations=("iom",),
                updates=(
                    (
                        d(2018, 3, 30),
                        T(
                            "Кампания завершена; отчёт передан секретариату.",
                            "The campaign has ended; its report went to the secretariat.",
                        ),
                    ),
                ),
            ),
            ActivityData(
                T(
                    "Законы о выявлении и возвращении нерегулярных мигрантов",
                    "Laws on identifying and returning irregular migrants",
                ),
                T(
                    "Сравнение национальных процедур с международной практикой, с учётом нужд наиболее уязвимых.",
                    "Comparing national procedures with international practice, minding the needs of the most "
                    "vulnerable.",
                ),
                (10,),
                Status.CANCELLED,
                d(2017, 6, 1),
                d(2018, 6, 30),
                lead_states=("turkmenistan",),
            ),
        ],
    ),
    (
        T("Диалог и обмен опытом", "Dialogue and exchange of experience"),
        [
            ActivityData(
                T("Обмен опытом правовых реформ", "Exchange on legal reforms"),
                T(
                    "Ежегодная встреча экспертов о реформах в области миграции и убежища.",
                    "A yearly experts' meeting on reforms in migration and asylum.",
                ),
                (15,),
                Status.IN_PROGRESS,
                d(2017, 1, 1),
                None,
                lead_states=("kyrgyzstan",),
                partner_states=("afghanistan", "azerbaijan", "iran", "pakistan", "turkey"),
                lead_organisations=("unhcr", "iom"),
            ),
        ],
    ),
]


def load_action_plan(third_som: Meeting) -> ActionPlan:
    """The illustrative plan, linked to the Third SOM's paragraphs when the statement has been imported."""
    with reversion.create_revision():
        reversion.set_comment("Demo content")
        plan = upsert(
            ActionPlan,
            {"title_en": PLAN_TITLE.en},
            title_ru=PLAN_TITLE.ru,
            start_year=2017,
            end_year=2019,
            is_illustrative=True,
            publication_status=PUBLISHED,
            **both("description", PLAN_DESCRIPTION),
        )
        paragraphs = {
            paragraph.number: paragraph for paragraph in StatementParagraph.objects.filter(statement__meeting=third_som)
        }
        states = {state.slug: state for state in State.objects.all()}
        organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
        for position, (title, activities) in enumerate(PRIORITIES, start=1):
            priority = upsert(Priority, {"plan": plan, "title_en": title.en}, title_ru=title.ru, position=position)
            for number, item in enumerate(activities, start=1):
                activity = upsert(
                    Activity,
                    {"priority": priority, "title_en": item.title.en},
                    title_ru=item.title.ru,
                    position=number,
                    status=item.status,
                    start_date=item.start,
                    end_date=item.end,
                    is_illustrative=True,
                    publication_status=PUBLISHED,
                    **both("description", item.description),
                )
                activity.lead_states.set([states[slug] for slug in item.lead_states])
                activity.partner_states.set([states[slug] for slug in item.partner_states])
                activity.lead_organisations.set([organisations[slug] for slug in item.lead_organisations])
                activity.partner_organisations.set([organisations[slug] for slug in item.partner_organisations])
                activity.paragraphs.set([paragraphs[number] for number in item.paragraphs if number in paragraphs])
                activity.meetings.set([third_som])
                for date, text in item.updates:
                    upsert(
                        ProgressUpdate,
                        {"activity": activity, "date": date},
                        status=ProgressUpdate.Status.APPROVED,
                        **both("text", text),
                    )
    return plan
