"""The map of the region: Natural Earth shapes, each participating state a link to its page.

The shapes are projected and simplified once by scripts/build_region_map.py into map_data/region.json
(committed; its header names the source, licence and version). This module only decides, per request,
which shapes are links, how each is marked, and where a label fits.
"""

import functools
import json
from pathlib import Path

from django.utils.translation import gettext as _

from core.i18n import localized
from participants.models import State

DATA = Path(__file__).resolve().parent / "map_data" / "region.json"

# Labels are drawn this large in viewBox units: about 11 px when the map is 330 px wide (a 360 px phone).
LABEL_SIZE = 24
# Rough width of a letter of a bold sans-serif label, as a share of the font size.
LETTER_WIDTH = 0.6
# A label may spill this much beyond the width of its state before it is left to the title and the list.
SPILL = 1.8
LABEL_GAP = 2

# The three kinds of marks, told apart by pattern and outline as well as by colour.
MARKS = {State.Status.MEMBER: "member", State.Status.OBSERVER: "observer"}
OTHER_MARK = "other"


@functools.cache
def map_data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def mark_of(state) -> str:
    return MARKS.get(state.status, OTHER_MARK)


def region_map(states, highlight=None) -> dict:
    """The context of templates/participants/_region_map.html for these states.

    `states` become links, marked by their status; every other shape is drawn grey, without a link.
    `highlight`, when given, is the set of the ids of the states to highlight (those that attended a
    meeting): they keep their marks and get a thick outline, the other states are faded.
    """
    data = map_data()
    by_code = {state.iso_alpha2: state for state in states}
    highlighting = highlight is not None
    highlight = set(highlight or ())
    context_shapes, state_shapes = [], []
    for shape in data["shapes"]:
        state = by_code.get(shape["iso"])
        if state is None:
            context_shapes.append(shape["path"])
            continue
        text = localized(state, "name")
        name = str(text)
        highlighted = state.pk in highlight
        title = f"{name} — {state.get_status_display()}"
        if highlighted:
            title += f" — {_('took part in this meeting')}"
        state_shapes.append(
            {
                "state": state,
                "name": name,
                # A name shown in the other language says which, as {% translated %} does.
                "lang": text.language if text.is_fallback else None,
                "path": shape["path"],
                "mark": mark_of(state),
                "highlighted": highlighted,
                "title": title,
                "anchor": shape["label"],
                "room": shape["room"],
            }
        )
    shown = {shape["state"].iso_alpha2 for shape in state_shapes}
    marks = {shape["mark"] for shape in state_shapes}
    return {
        "width": data["width"],
        "height": data["height"],
        "context": context_shapes,
        "states": state_shapes,
        "labels": place_labels(state_shapes, data["width"], data["height"]),
        "label_size": LABEL_SIZE,
        "marks": [mark for mark in ("member", "observer", OTHER_MARK) if mark in marks],
        "highlighting": highlighting,
        "highlighted_count": sum(state.pk in highlight for state in states),
        "faded_count": sum(not shape["highlighted"] for shape in state_shapes) if highlighting else 0,
        "off_map": [state for state in states if state.iso_alpha2 not in shown],
    }


def place_labels(shapes, width, height) -> list[dict]:
    """Visible names where they are legible: within the map, near their state's width, not over another name.

    The widest states are labelled first; a state left without a label keeps its name in its link's title
    and in the list beside the map.
    """
    placed = []
    for shape in sorted(shapes, key=lambda shape: -shape["room"]):
        x, y = shape["anchor"]
        text_width = len(shape["name"]) * LABEL_SIZE * LETTER_WIDTH
        left, right = x - text_width / 2, x + text_width / 2
        top, bottom = y - LABEL_SIZE * 0.45, y + LABEL_SIZE * 0.55
        fits = text_width <= shape["room"] * SPILL and left >= 0 and right <= width and top >= 0 and bottom <= height
        overlaps = any(
            left < other["right"] + LABEL_GAP
            and other["left"] < right + LABEL_GAP
            and top < other["bottom"] + LABEL_GAP
            and other["top"] < bottom + LABEL_GAP
            for other in placed
        )
        if fits and not overlaps:
            placed.append(
                {
                    "text": shape["name"],
                    "lang": shape["lang"],
                    "x": x,
                    "y": round(y + LABEL_SIZE * 0.35, 1),
                    "mark": shape["mark"],
                    "highlighted": shape["highlighted"],
                    "left": left,
                    "right": right,
                    "top": top,
                    "bottom": bottom,
                }
            )
    return sorted(placed, key=lambda label: (label["y"], label["x"]))
