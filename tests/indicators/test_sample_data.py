"""Honest figures: the demo's figures are sample data, and every page that shows one says so."""

import pytest
from django.utils import translation
from lxml import html as lxml_html

from demo.loading import load_figures, load_states
from indicators.models import Indicator, IndicatorValue
from participants.models import State
from tests.factories import IndicatorFactory, IndicatorValueFactory, StateFactory

pytestmark = pytest.mark.django_db

MARK = {"ru": "учебные данные", "en": "sample data"}


def marks(tree) -> list[str]:
    return [mark.text_content() for mark in tree.xpath('//*[@class="badge-sample"]')]


@pytest.fixture
def demo_figures():
    load_states()
    load_figures()


def test_the_demo_loads_its_figures_through_the_importer_all_marked_as_sample_data(demo_figures):
    assert IndicatorValue.objects.count() > 0
    assert set(IndicatorValue.objects.values_list("is_sample", flat=True)) == {True}
    # The sources' aggregates ("World", "East Asia & Pacific") are left out, as for a real download.
    assert not IndicatorValue.objects.exclude(state__status__in=State.PARTICIPATING).exists()
    count = IndicatorValue.objects.count()

    load_figures()

    assert IndicatorValue.objects.count() == count


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_page_that_shows_a_demo_figure_marks_it_as_sample_data(client, demo_figures, language):
    pages = [state.get_absolute_url() for state in State.objects.filter(indicator_values__isnull=False).distinct()]
    pages += [indicator.get_absolute_url() for indicator in Indicator.objects.all()]
    assert len(pages) > 10
    with translation.override(language):
        pages = [f"/{language}{url[3:]}" for url in pages]

    for url in pages:
        tree = lxml_html.fromstring(client.get(url).content)
        shown = tree.xpath("//table/tbody/tr")
        assert shown, url
        # Each row of figures, each heading over a chart, and the notice say it; so does each chart's description.
        assert marks(tree).count(MARK[language]) >= len(shown), url
        assert tree.xpath('//*[@class="sample-notice"]'), url
        for desc in tree.xpath("//svg/desc"):
            assert MARK[language].capitalize() in desc.text_content(), url


def test_published_figures_carry_no_sample_mark(client):
    state = StateFactory(slug="kazakhstan")
    indicator = IndicatorFactory(slug="refugees")
    IndicatorValueFactory(state=state, indicator=indicator)

    for url in ["/en/states/kazakhstan/", "/en/indicators/refugees/"]:
        tree = lxml_html.fromstring(client.get(url).content)
        assert tree.xpath("//table/tbody/tr"), url
        assert marks(tree) == [], url
        assert tree.xpath('//*[@class="sample-notice"]') == [], url


def test_the_csv_download_marks_sample_data(client, demo_figures):
    content = b"".join(client.get("/en/indicators/refugees-hosted/csv/").streaming_content).decode("utf-8-sig")

    lines = content.splitlines()
    assert lines[0].endswith("sample_data,note")
    assert all(",yes," in line for line in lines[1:]) and len(lines) > 1
