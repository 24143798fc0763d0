"""The demo's media monitoring: the news item of seed 004 as a monitoring item, and an illustrative sheet."""

import datetime

import pytest
from django.conf import settings
from lxml import html

from demo.loading import load_demo
from demo.monitoring import SEED_004_HEADLINE, SHEET_SLUG
from monitoring.models import InformationSheet, MonitoringItem

SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeds_dir")]


@pytest.fixture
def demo(settings):
    settings.SEEDS_DIR = SEEDS
    return load_demo()


def test_loading_twice_keeps_one_of_each_monitoring_record(demo):
    again = load_demo()

    assert again == demo
    assert (demo[MonitoringItem], demo[InformationSheet]) == (2, 1)
    assert InformationSheet.objects.get(slug=SHEET_SLUG).monitoring_items.count() == 2


def test_the_news_item_of_seed_004_is_a_real_monitoring_item_with_its_date_and_outlet(demo, seeds_dir):
    item = MonitoringItem.objects.get(is_illustrative=False)

    seed = (seeds_dir / "004_b84f380dea72327e.txt").read_text()
    assert item.headline == SEED_004_HEADLINE
    assert item.headline.casefold() in seed.casefold()
    assert (item.date, item.outlet, item.language, item.url) == (datetime.date(2022, 4, 20), "KazISS", "en", "")
    assert sorted(item.states.values_list("slug", flat=True)) == ["afghanistan", "kazakhstan"]
    assert item.summary_ru and item.summary_en
    assert item.summary_en not in seed


@pytest.mark.parametrize(
    ("language", "note"),
    [("ru", "Учебный пример"), ("en", "Illustrative example")],
)
def test_the_demo_sheet_says_it_is_illustrative_and_lists_the_seed_item_and_its_news(client, demo, language, note):
    response = client.get(f"/{language}/information-sheets/{SHEET_SLUG}/")

    tree = html.fromstring(response.content.decode())
    assert tree.xpath("//p[@class='illustrative-note']/span")[0].text_content() == note
    headlines = [" ".join(span.text_content().split()) for span in tree.xpath("//li[@class='monitoring-item']/span[1]")]
    assert headlines == [SEED_004_HEADLINE, "Пример: миграционная статистика за апрель"]
    badges = tree.xpath("//li[@class='monitoring-item']//span[@class='badge-illustrative']")
    assert len(badges) == 1
    assert len(tree.xpath("//section[@id='news']//li")) == 1
