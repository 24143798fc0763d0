"""The map of the region on the states list: Natural Earth shapes, each participating state a link."""

import json
import re

import lxml.html
import pytest

from demo import data as demo_data
from participants.models import State
from participants.region_map import DATA, map_data, region_map
from scripts.build_region_map import SOURCE, build
from tests.factories import StateFactory

NAMES = {
    "KZ": ("Казахстан", "Kazakhstan"),
    "AF": ("Афганистан", "Afghanistan"),
    "TJ": ("Таджикистан", "Tajikistan"),
    "CN": ("Китай", "China"),
}


def a_region(**overrides):
    statuses = {"CN": State.Status.OBSERVER, **overrides}
    return {
        code: StateFactory(
            iso_alpha2=code,
            iso_alpha3=f"{code}X",
            slug=names[1].lower(),
            name_ru=names[0],
            name_en=names[1],
            status=statuses.get(code, State.Status.MEMBER),
        )
        for code, names in NAMES.items()
    }


def the_map(client, language):
    page = lxml.html.fromstring(client.get(f"/{language}/states/").content)
    return page.xpath("//main//figure[contains(@class, 'region-map')]/svg")[0]


def links(svg) -> list:
    return svg.xpath(".//a")


def test_the_committed_map_data_has_a_shape_for_every_participating_state_of_the_demo():
    codes = {shape["iso"] for shape in map_data()["shapes"]}

    participating = {state.alpha2 for state in demo_data.STATES if state.status in State.PARTICIPATING}

    assert participating - codes == set()
    assert len(participating) == 10


def test_the_committed_map_data_names_its_source_licence_and_version():
    data = json.loads(DATA.read_text(encoding="utf-8"))

    assert (
        data["source"] == "Natural Earth 1:50m Admin 0 countries, version 4.1.0, from the npm package world-atlas 2.0.2"
    )
    assert data["licence"].startswith("Natural Earth: public domain")
    assert data["built_by"] == "scripts/build_region_map.py"


def test_every_shape_is_a_closed_path_inside_the_map():
    data = map_data()

    for shape in data["shapes"]:
        numbers = [float(value) for value in re.findall(r"-?\d+(?:\.\d+)?", shape["path"])]
        assert re.fullmatch(r"(M[-\d. L]+Z)+", shape["path"]), shape["name"]
        xs, ys = numbers[0::2], numbers[1::2]
        assert 0 <= min(xs) and max(xs) <= data["width"], shape["name"]
        assert 0 <= min(ys) and max(ys) <= data["height"], shape["name"]


@pytest.mark.skipif(not SOURCE.exists(), reason="world-atlas is not installed (npm install)")
def test_the_build_script_reproduces_the_committed_map_data_from_world_atlas():
    assert build(SOURCE) == json.loads(DATA.read_text(encoding="utf-8"))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "en"])
def test_each_participating_state_is_one_link_to_its_page_named_with_its_status(client, language):
    a_region()

    svg = the_map(client, language)

    found = {link.get("data-iso"): (link.get("href"), link.find("title").text) for link in links(svg)}
    ru = language == "ru"
    member, observer = ("государство-член", "государство-наблюдатель") if ru else ("member state", "observer state")
    assert found == {
        code: (
            f"/{language}/states/{names[1].lower()}/",
            f"{names[0 if ru else 1]} — {observer if code == 'CN' else member}",
        )
        for code, names in NAMES.items()
    }


@pytest.mark.django_db
def test_members_observers_and_others_are_told_apart_by_pattern_and_outline_not_colour_alone(client):
    a_region()
    map_context = region_map(
        [*State.objects.participating(), StateFactory(iso_alpha2="UZ", status=State.Status.NONE, year_joined=None)]
    )

    assert {shape["state"].iso_alpha2: shape["mark"] for shape in map_context["states"]} == {
        "KZ": "member", "AF": "member", "TJ": "member", "CN": "observer", "UZ": "other",
    }  # fmt: skip
    svg = the_map(client, "en")
    fills = {link.get("data-iso"): (link.get("class"), link.find("path").get("fill")) for link in links(svg)}
    assert fills == {
        "KZ": ("map-state map-member", None),
        "AF": ("map-state map-member", None),
        "TJ": ("map-state map-member", None),
        "CN": ("map-state map-observer", "url(#map-hatch)"),
    }
    legend = [item.text_content().strip() for item in svg.getparent().xpath(".//figcaption//li")]
    assert legend == [
        "member state (solid)",
        "observer state (hatched, dashed outline)",
        "neighbouring state (grey, no link)",
    ]


@pytest.mark.django_db
def test_a_participating_state_without_a_path_on_the_map_is_listed_under_it(client):
    StateFactory(name_en="Elsewhere", iso_alpha2="ZZ", iso_alpha3="ZZZ", slug="elsewhere")

    page = lxml.html.fromstring(client.get("/en/states/").content)

    note = page.xpath("//figure//p[@class='map-off-map']")[0]
    assert note.text_content() == "Not on the map: Elsewhere"
    assert note.xpath(".//a/@href") == ["/en/states/elsewhere/"]


@pytest.mark.django_db
def test_neighbours_are_drawn_grey_without_links(client):
    a_region()

    svg = the_map(client, "en")

    context = svg.xpath(".//*[@class='map-context']")[0]
    assert context.get("aria-hidden") == "true"
    assert len(context.findall("path")) == len(map_data()["shapes"]) - len(NAMES)
    assert context.xpath(".//a") == []
    assert len(links(svg)) == len(NAMES)


@pytest.mark.django_db
def test_the_map_is_a_labelled_group_with_a_title_and_a_description(client):
    a_region()

    svg = the_map(client, "ru")

    assert svg.get("role") == "group"
    assert svg.get("aria-labelledby") == "map-title map-desc"
    assert svg.find("title").text == "Карта региона: государства-участники"
    assert "Списки рядом с картой" in svg.find("desc").text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "en"])
def test_visible_labels_are_in_the_page_language_and_legible_at_360_pixels(client, language):
    a_region()

    svg = the_map(client, language)

    labels = {label.text: float(label.get("font-size")) for label in svg.xpath(".//*[@class='map-labels']/*")}
    # Tajikistan is too narrow for its name: its title and the list beside the map give it.
    expected = ["Афганистан", "Казахстан", "Китай"] if language == "ru" else ["Afghanistan", "China", "Kazakhstan"]
    assert sorted(labels) == expected
    width = float(svg.get("viewbox").split()[2])
    # At 360 px the page leaves the map about 328 px: labels stay at least 10 px high.
    assert min(labels.values()) * 328 / width >= 10


@pytest.mark.django_db
def test_labels_never_overlap_one_another():
    codes = [shape["iso"] for shape in map_data()["shapes"] if shape["iso"]]
    states = [StateFactory(iso_alpha2=code, iso_alpha3=f"{code}X", name_ru=f"Имя {code}") for code in codes]

    placed = region_map(states)["labels"]

    assert len(placed) >= 8
    for index, label in enumerate(placed):
        for other in placed[index + 1 :]:
            apart = (
                label["right"] <= other["left"] or other["right"] <= label["left"]
                or label["bottom"] <= other["top"] or other["bottom"] <= label["top"]
            )  # fmt: skip
            assert apart, (label["text"], other["text"])


@pytest.mark.django_db
def test_map_coordinates_stay_numbers_on_russian_pages(client):
    a_region()

    svg = the_map(client, "ru")

    assert re.fullmatch(r"0 0 \d+ \d+", svg.get("viewbox"))
    assert all(re.fullmatch(r"[\d.]+", value) for value in svg.xpath(".//*[@class='map-labels']/*/@x"))
    assert all("," not in path for path in svg.xpath(".//path/@d"))


@pytest.mark.django_db
def test_the_state_list_with_its_map_runs_bounded_queries(client, django_assert_max_num_queries):
    codes = [shape["iso"] for shape in map_data()["shapes"] if shape["iso"]]
    for code in codes:
        StateFactory(iso_alpha2=code, iso_alpha3=f"{code}X")

    with django_assert_max_num_queries(4):
        response = client.get("/en/states/")

    assert len(links(lxml.html.fromstring(response.content).xpath("//figure/svg")[0])) == len(codes)


@pytest.mark.django_db
def test_a_name_known_only_in_the_other_language_is_shown_with_its_language(client):
    StateFactory(iso_alpha2="KZ", iso_alpha3="KAZ", name_ru="Казахстан", name_en="")

    svg = the_map(client, "en")

    [title] = svg.xpath(".//a[@data-iso='KZ']/title")
    [label] = svg.xpath(".//*[@class='map-labels']/*")
    assert (title.text, title.get("lang")) == ("Казахстан — member state", "ru")
    assert (label.text, label.get("lang")) == ("Казахстан", "ru")
    assert the_map(client, "ru").xpath(".//*[@class='map-labels']/*")[0].get("lang") is None
