"""A schematic map of the region: one tile per state, placed roughly where the state lies.

Not a geographic map: tiles keep every state readable at phone width, and the
list beside the map says the same thing in words.
"""

# ISO alpha-2 code: (column, row, width, height) in tiles.
LAYOUT = {
    "RU": (1, 0, 4, 1),
    "KZ": (2, 1, 3, 1),
    "CN": (5, 1, 1, 3),
    "GE": (0, 1, 1, 1),
    "TR": (0, 2, 1, 1),
    "AZ": (1, 2, 1, 1),
    "UZ": (2, 2, 2, 1),
    "KG": (4, 2, 1, 1),
    "IR": (0, 3, 2, 1),
    "TM": (2, 3, 1, 1),
    "TJ": (3, 3, 1, 1),
    "AF": (2, 4, 2, 1),
    "PK": (4, 4, 1, 1),
    "IN": (5, 4, 1, 1),
}
COLUMNS = 6
TILE_WIDTH, TILE_HEIGHT, GAP = 120, 64, 6


def region_map(states) -> dict:
    """Tiles for the given states; states the layout does not know go on a row below the map."""
    tiles = []
    rows = 1 + max((row + height - 1 for _col, row, _width, height in LAYOUT.values()), default=0)
    extra = [state for state in states if state.iso_alpha2 not in LAYOUT]
    for state in states:
        if state.iso_alpha2 in LAYOUT:
            column, row, width, height = LAYOUT[state.iso_alpha2]
        else:
            index = extra.index(state)
            column, row, width, height = index % COLUMNS, rows + index // COLUMNS, 1, 1
        tiles.append(
            {
                "state": state,
                "x": column * TILE_WIDTH + GAP / 2,
                "y": row * TILE_HEIGHT + GAP / 2,
                "width": width * TILE_WIDTH - GAP,
                "height": height * TILE_HEIGHT - GAP,
                "cx": (column + width / 2) * TILE_WIDTH,
                "name_y": (row + height / 2) * TILE_HEIGHT - 4,
                "status_y": (row + height / 2) * TILE_HEIGHT + 14,
            }
        )
    used_rows = max((tile["y"] + tile["height"] for tile in tiles), default=0)
    return {"tiles": tiles, "width": COLUMNS * TILE_WIDTH, "height": used_rows + GAP}
