#!/usr/bin/env python3
"""Build participants/map_data/region.json, the shapes of the region map, from Natural Earth.

Source: Natural Earth 1:50m Admin 0 countries (public domain), as TopoJSON in the npm package
`world-atlas` (pinned in package.json). Run it again after changing the frame or the tolerance:

    npm install --no-save world-atlas@2.0.2
    .venv/bin/python scripts/build_region_map.py

The output is committed; the site reads only that file. Building twice gives the same bytes.

Steps: decode the TopoJSON arcs; project them (Albers equal-area conic centred on Central Asia);
simplify each arc once with Douglas–Peucker, so that two neighbours keep the same border; join the arcs
into countries; clip them to the frame; write SVG path strings keyed by ISO 3166-1 alpha-2 code, with a
label position (the pole of inaccessibility) and the width free around it.
"""

import argparse
import json
import math
from pathlib import Path

from shapely.geometry import LineString, MultiPolygon, Polygon, box
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = ROOT / "participants" / "map_data" / "region.json"
WORLD_ATLAS_VERSION = "2.0.2"
NATURAL_EARTH_VERSION = "4.1.0"

# Albers equal-area conic: standard parallels 30° and 50° N, centred on 40° N, 66° E.
LAT_1, LAT_2, LAT_0, LON_0 = 30.0, 50.0, 40.0, 66.0
# The frame holds these states whole (the participating states of the demo and Uzbekistan, a founder of
# the region's cooperation); China, Russia and the others are cut at its edges.
FOCUS = ("TR", "AZ", "IR", "AF", "PK", "KZ", "KG", "TJ", "TM", "UZ")
# How far east the frame reaches, in degrees of longitude at 40° N: far enough to show western China.
EAST_LONGITUDE = 92.0
WIDTH = 720  # viewBox width; the height follows from the frame.
MARGIN = 8  # viewBox units around the focus states.
TOLERANCE = 0.7  # Douglas–Peucker tolerance, in viewBox units.
SMALLEST_PART = 4.0  # islands and slivers smaller than this (square viewBox units) are left out.

# ISO 3166-1 numeric (Natural Earth's id) → alpha-2, for every country the frame can touch.
ALPHA2 = dict(
    pair.split(":")
    for pair in """
004:AF 008:AL 031:AZ 048:BH 050:BD 051:AM 064:BT 070:BA 100:BG 104:MM 112:BY 144:LK 156:CN 191:HR
196:CY 231:ET 232:ER 233:EE 262:DJ 268:GE 275:PS 300:GR 348:HU 356:IN 364:IR 368:IQ 376:IL 392:JP
398:KZ 400:JO 408:KP 410:KR 414:KW 417:KG 422:LB 428:LV 434:LY 440:LT 462:MV 496:MN 498:MD 499:ME
512:OM 524:NP 586:PK 616:PL 634:QA 642:RO 643:RU 682:SA 688:RS 703:SK 706:SO 729:SD 760:SY 762:TJ
784:AE 792:TR 795:TM 804:UA 807:MK 818:EG 860:UZ 887:YE
""".split()
)


class Albers:
    def __init__(self):
        phi1, phi2, phi0 = (math.radians(value) for value in (LAT_1, LAT_2, LAT_0))
        self.n = (math.sin(phi1) + math.sin(phi2)) / 2
        self.c = math.cos(phi1) ** 2 + 2 * self.n * math.sin(phi1)
        self.rho0 = math.sqrt(self.c - 2 * self.n * math.sin(phi0)) / self.n

    def __call__(self, lon, lat):
        rho = math.sqrt(self.c - 2 * self.n * math.sin(math.radians(lat))) / self.n
        theta = self.n * math.radians(lon - LON_0)
        # y grows downwards in SVG.
        return rho * math.sin(theta), -(self.rho0 - rho * math.cos(theta))


def decode_arcs(topology) -> list[list[tuple[float, float]]]:
    (scale_x, scale_y), (translate_x, translate_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring(arc_indices, arcs) -> list[tuple[float, float]]:
    points = []
    for index in arc_indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons_of(geometry, arcs) -> list[Polygon]:
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    polygons = []
    for rings in parts:
        shell, *holes = (ring(indices, arcs) for indices in rings)
        if len(shell) >= 4:
            polygons.append(Polygon(shell, [hole for hole in holes if len(hole) >= 4]).buffer(0))
    return polygons


def number(value: float) -> str:
    text = f"{value:.1f}"
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def svg_path(geometry) -> str:
    parts = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    commands = []
    for polygon in parts:
        for line in (polygon.exterior, *polygon.interiors):
            points = [f"{number(x)} {number(y)}" for x, y in line.coords[:-1]]
            commands.append("M" + "L".join(points) + "Z")
    return "".join(commands)


def room_around(polygon, point) -> float:
    """The width of the state along the horizontal line through its label point."""
    minx, _miny, maxx, _maxy = polygon.bounds
    crossing = polygon.intersection(LineString([(minx - 1, point.y), (maxx + 1, point.y)]))
    pieces = getattr(crossing, "geoms", [crossing])
    return max((piece.length for piece in pieces if piece.distance(point) < 1e-6), default=0.0)


def build(source: Path) -> dict:
    topology = json.loads(source.read_text())
    project = Albers()
    raw_arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]

    def key(geometry):
        return ALPHA2.get(geometry.get("id"))

    # The frame, in projected units: the focus states whole, and the east as far as EAST_LONGITUDE.
    projected_arcs = [[project(lon, lat) for lon, lat in arc] for arc in raw_arcs]
    focus = [
        polygon
        for geometry in geometries
        if key(geometry) in FOCUS
        for polygon in polygons_of(geometry, projected_arcs)
    ]
    minx = min(polygon.bounds[0] for polygon in focus)
    miny = min(polygon.bounds[1] for polygon in focus)
    maxy = max(polygon.bounds[3] for polygon in focus)
    maxx = max(max(polygon.bounds[2] for polygon in focus), project(EAST_LONGITUDE, LAT_0)[0])
    scale = (WIDTH - 2 * MARGIN) / (maxx - minx)
    height = round((maxy - miny) * scale + 2 * MARGIN)

    def to_view(point):
        x, y = point
        return (x - minx) * scale + MARGIN, (y - miny) * scale + MARGIN

    # Simplified once per arc: a border shared by two states stays one line.
    view_arcs = []
    for arc in projected_arcs:
        points = [to_view(point) for point in arc]
        simplified = LineString(points).simplify(TOLERANCE, preserve_topology=False) if len(points) > 2 else None
        view_arcs.append(list(simplified.coords) if simplified is not None else points)

    frame = box(0, 0, WIDTH, height)
    shapes = []
    for geometry in geometries:
        name = geometry["properties"]["name"]
        parts = [polygon for polygon in polygons_of(geometry, view_arcs) if polygon.intersects(frame)]
        if not parts:
            continue
        clipped = MultiPolygon(
            [
                piece
                for polygon in parts
                for piece in getattr(polygon.intersection(frame), "geoms", [polygon.intersection(frame)])
                if isinstance(piece, Polygon) and piece.area >= SMALLEST_PART
            ]
        )
        if clipped.is_empty:
            continue
        code = key(geometry)
        if code is None and geometry.get("id"):
            raise SystemExit(f"{name} (ISO numeric {geometry['id']}) lies in the frame: add it to ALPHA2.")
        largest = max(clipped.geoms, key=lambda polygon: polygon.area)
        label = polylabel(largest, tolerance=0.5)
        shapes.append(
            {
                "iso": code,
                "name": name,
                "path": svg_path(clipped),
                "label": [round(label.x, 1), round(label.y, 1)],
                "room": round(room_around(largest, label), 1),
            }
        )
    shapes.sort(key=lambda shape: (shape["iso"] is None, shape["iso"] or "", shape["name"]))
    return {
        "source": (
            f"Natural Earth 1:50m Admin 0 countries, version {NATURAL_EARTH_VERSION}, "
            f"from the npm package world-atlas {WORLD_ATLAS_VERSION}"
        ),
        "licence": "Natural Earth: public domain; world-atlas packaging: ISC licence",
        "projection": (
            f"Albers equal-area conic, standard parallels {LAT_1}° and {LAT_2}° N, centre {LAT_0}° N {LON_0}° E"
        ),
        "simplification": f"Douglas–Peucker per shared arc, tolerance {TOLERANCE} viewBox units",
        "built_by": "scripts/build_region_map.py",
        "width": WIDTH,
        "height": height,
        "shapes": shapes,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="countries-50m.json of world-atlas")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    data = build(arguments.source)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    print(f"{arguments.output}: {len(data['shapes'])} shapes, {arguments.output.stat().st_size} bytes")


if __name__ == "__main__":
    main()
