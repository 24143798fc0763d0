"""Real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium against live_server.

Without the browser the suite is skipped on a laptop, but fails on CI (CI=true):
there a missing browser is a broken set-up, not a reason to test less.
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from meetings.models import Meeting, Participation
from participants.models import State
from tests.factories import (
    ActivityFactory,
    DocumentFactory,
    DocumentFileFactory,
    FocalPointFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InformationSheetFactory,
    MeetingFactory,
    MonitoringItemFactory,
    NewsItemFactory,
    OrganisationFactory,
    OutcomeStatementFactory,
    PageFactory,
    ParticipationFactory,
    ProcessFactory,
    ProgressUpdateFactory,
    StateFactory,
    StatementParagraphFactory,
    TermFactory,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Selenium Manager must not try to download a browser or a driver: we bring our own.
os.environ.setdefault("SE_OFFLINE", "true")


def in_language(language: str, message: str) -> str:
    """An interface string as the site shows it in that language."""
    with translation.override(language):
        return translation.gettext(message)


def unavailable(reason: str):
    if ON_CI:
        pytest.fail(f"{reason} (CI=true: the browser tests must run here)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(live_server, tmp_path_factory):
    # Asking for live_server first makes the browser quit before the server stops: the browser's
    # open keep-alive connections are then closed while the server can still clean up after them.
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        unavailable(f"headless Chromium needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, live_server, transactional_db):
    """The browser, opening paths on the live server: page.open("/ru/")."""
    return BrowserPage(browser, live_server.url)


class BrowserPage:
    def __init__(self, driver, base_url):
        self.driver = driver
        self.base_url = base_url

    def open(self, path: str):
        self.driver.get(self.base_url + path)
        return self

    @property
    def path(self) -> str:
        """The current address without scheme and host, query and fragment kept."""
        return self.driver.current_url.removeprefix(self.base_url)

    def find(self, selector: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def click(self, selector: str):
        """Click an element after bringing it into view at once (the site scrolls smoothly, which moves targets)."""
        element = self.find(selector)
        self.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
        element.click()

    def wait_for(self, condition, message: str, timeout: float = 5):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout).until(lambda driver: condition(), message)

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def screenshot(self, name: str) -> Path:
        """A full-width screenshot in test-artifacts/, for a person to look at after the run."""
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
        self.driver.save_screenshot(str(path))
        return path


@pytest.fixture
def portal(transactional_db):
    """A small archive with what every main page shows: states, a process, meetings, a statement, documents, news."""
    PageFactory(slug="about", title_ru="О процессе", title_en="About the process")
    PageFactory(slug="secretariat", title_ru="Функции секретариата", title_en="The secretariat's functions")
    process = ProcessFactory(slug=settings.HOME_PROCESS_SLUG, name_ru="Алматинский процесс", name_en="Almaty Process")
    partner = ProcessFactory(
        slug="budapest-process",
        name_ru="Будапештский процесс",
        name_en="Budapest Process",
        activities_in_central_asia_en="Dialogue on migration routes.",
        best_practices_en="Regular regional meetings.",
        contact_details_en="secretariat@example.org",
    )
    iom = OrganisationFactory(slug="iom", name_ru="Международная организация по миграции", name_en="IOM")
    states = {
        "kazakhstan": StateFactory(slug="kazakhstan", name_ru="Казахстан", name_en="Kazakhstan", iso_alpha2="KZ"),
        "kyrgyzstan": StateFactory(slug="kyrgyzstan", name_ru="Кыргызстан", name_en="Kyrgyzstan", iso_alpha2="KG"),
        "tajikistan": StateFactory(slug="tajikistan", name_ru="Таджикистан", name_en="Tajikistan", iso_alpha2="TJ"),
        "afghanistan": StateFactory(slug="afghanistan", name_ru="Афганистан", name_en="Afghanistan", iso_alpha2="AF"),
        "turkmenistan": StateFactory(
            slug="turkmenistan",
            name_ru="Туркменистан",
            name_en="Turkmenistan",
            iso_alpha2="TM",
            status=State.Status.OBSERVER,
        ),
        "uzbekistan": StateFactory(
            slug="uzbekistan",
            name_ru="Узбекистан",
            name_en="Uzbekistan",
            iso_alpha2="UZ",
            status=State.Status.OBSERVER,
        ),
    }
    FocalPointFactory(state=states["kazakhstan"])
    refugees = IndicatorFactory(
        slug="refugees-hosted", name_ru="Беженцы, принятые государством", name_en="Refugees hosted"
    )
    for slug, value in [("kazakhstan", 400), ("tajikistan", 6000), ("afghanistan", 500)]:
        for year in (2021, 2022, 2023):
            IndicatorValueFactory(
                indicator=refugees,
                state=states[slug],
                year=year,
                value=value + year,
                is_sample=True,
                source="UNHCR Refugee Data Finder (API_SM.POP.TOTL_DS2_en_csv_v2_1234567.csv)",
            )
    meeting = MeetingFactory(
        slug="som-2016",
        title_ru="Третье совещание старших должностных лиц",
        title_en="Third Senior Officials Meeting",
        process=process,
        start_date=datetime.date(2016, 11, 15),
        end_date=datetime.date(2016, 11, 16),
        host_country=states["kazakhstan"],
        summary_ru="Совещание обсудило смешанную миграцию.",
        summary_en="",
        chair_en="Kazakhstan",
        chair_ru="Казахстан",
    )
    meeting.organisers.add(iom)
    for slug, state in states.items():
        ParticipationFactory(
            meeting=meeting,
            state=state,
            attendance=Participation.Attendance.DID_NOT_ATTEND
            if slug == "turkmenistan"
            else Participation.Attendance.ATTENDED,
        )
    ParticipationFactory(meeting=meeting, state=None, organisation=iom, role="organisation")
    statement = OutcomeStatementFactory(meeting=meeting)
    for number in range(1, 16):
        StatementParagraphFactory(
            statement=statement,
            number=number,
            text_ru=f"Пункт {number}. " + "Участники подчеркнули важность защиты беженцев и мигрантов. " * 6,
            text_en=f"Paragraph {number}. " + "Participants stressed the protection of refugees and migrants. " * 6,
        )
    report = DocumentFactory(meeting=meeting, title_ru="Доклад совещания", title_en="Meeting report")
    DocumentFileFactory(document=report, language="ru")
    DocumentFileFactory(document=report, language="en")
    # Enough senior officials meetings for a second page of the list (20 a page).
    for number in range(24):
        MeetingFactory(
            slug=f"som-{number}",
            process=process,
            kind=Meeting.Kind.SENIOR_OFFICIALS,
            start_date=datetime.date(2010 + number % 12, 6, 1 + number),
        )
    MeetingFactory(slug="workshop", process=partner, kind=Meeting.Kind.WORKSHOP, start_date=datetime.date(2030, 5, 4))
    NewsItemFactory(slug="forum", title_ru="Региональный форум", title_en="Regional forum")
    NewsItemFactory(slug="only-russian", title_ru="Новость только на русском", title_en="", lead_en="", body_en="")
    activity = ActivityFactory(
        title_ru="Обучение пограничников", title_en="Border guard training", is_illustrative=True
    )
    activity.lead_states.add(states["kazakhstan"])
    activity.paragraphs.add(statement.paragraphs.get(number=12))
    ProgressUpdateFactory(activity=activity)
    TermFactory(label_ru="беженец", label_en="refugee", synonyms_en="refugees", abbreviations_en="", slug="refugee")
    TermFactory(label_ru="", label_en="pushback", definition_ru="", slug="pushback")
    sheet = InformationSheetFactory(slug="april-2022", is_illustrative=True)
    item = MonitoringItemFactory()
    item.states.add(states["kazakhstan"])
    sheet.monitoring_items.add(item)
    sheet.documents.add(report)
    sheet.meetings.add(meeting)
    return {
        "meeting": meeting,
        "states": states,
        "process": process,
        "partner": partner,
        "document": report,
        "activity": activity,
    }
