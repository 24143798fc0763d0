"""Draw the portal's identity files from one description of the mark: run `python scripts/identity.py`.

The mark is the process's own (no UN emblem, no agency logo): a navy tile, the ridge of the
Trans-Ili Alatau above Almaty in white, a gold sun, and a gold path crossing below (movement across the region).
The same shapes are written as SVG (static/img/mark.svg, the favicon) and drawn with Pillow into the PNG
favicon, the ICO and the two 1200×630 social cards (Open Graph), one a language. The output is reproducible:
the same script and fonts give the same bytes, so the files are committed.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "img"

NAVY, NAVY_DARK, WHITE, GOLD = "#0b3d6e", "#072a4d", "#ffffff", "#f2b705"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# The mark on a 64×64 grid.
SIZE = 64
TILE_RADIUS = 12
RIDGE = [(6, 46), (20, 26), (27, 34), (37, 17), (58, 46)]
SNOW = [(33, 22.5), (37, 17), (41, 22.5), (38.5, 21), (37, 23), (35.5, 21)]
SUN = (16, 16, 6)  # centre x, centre y, radius
PATH = [(6, 53), (58, 49), (58, 53), (6, 57)]

NAMES = {
    "ru": (
        "Алматинский процесс",
        ["Региональный консультативный процесс", "по защите беженцев и международной", "миграции в Центральной Азии"],
    ),
    "en": (
        "Almaty Process",
        ["Regional consultative process", "on refugee protection and international", "migration in Central Asia"],
    ),
}


def _points(points) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def mark_svg() -> str:
    x, y, r = SUN
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}">\n'
        f'  <rect width="{SIZE}" height="{SIZE}" rx="{TILE_RADIUS}" fill="{NAVY}"/>\n'
        f'  <circle cx="{x}" cy="{y}" r="{r}" fill="{GOLD}"/>\n'
        f'  <polygon points="{_points(RIDGE)}" fill="{WHITE}"/>\n'
        f'  <polygon points="{_points(SNOW)}" fill="{NAVY}" opacity=".25"/>\n'
        f'  <polygon points="{_points(PATH)}" fill="{GOLD}"/>\n'
        "</svg>\n"
    )


def draw_mark(image: Image.Image, left: float, top: float, size: float):
    scale = size / SIZE
    draw = ImageDraw.Draw(image)

    def place(points):
        return [(left + px * scale, top + py * scale) for px, py in points]

    draw.rounded_rectangle([left, top, left + size - 1, top + size - 1], radius=TILE_RADIUS * scale, fill=NAVY)
    x, y, r = SUN
    draw.ellipse(
        [left + (x - r) * scale, top + (y - r) * scale, left + (x + r) * scale, top + (y + r) * scale], fill=GOLD
    )
    draw.polygon(place(RIDGE), fill=WHITE)
    draw.polygon(place(SNOW), fill="#c2cedb")
    draw.polygon(place(PATH), fill=GOLD)


def icon(size: int) -> Image.Image:
    # Drawn four times larger and reduced: smooth edges without an SVG renderer.
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw_mark(big, 0, 0, size * 4)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def social_card(language: str) -> Image.Image:
    name, lines = NAMES[language]
    card = Image.new("RGB", (1200, 630), NAVY_DARK)
    draw = ImageDraw.Draw(card)
    draw.rectangle([0, 560, 1200, 630], fill=NAVY)
    draw.rectangle([0, 556, 1200, 562], fill=GOLD)
    mark = icon(220)
    card.paste(mark, (90, 150), mark)
    draw.text((360, 160), name, font=ImageFont.truetype(FONT_BOLD, 64), fill=WHITE)
    small = ImageFont.truetype(FONT, 30)
    for number, line in enumerate(lines):
        draw.text((360, 260 + number * 42), line, font=small, fill="#dbe4ee")
    return card


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "mark.svg").write_text(mark_svg(), encoding="utf-8")
    icon(32).save(OUT / "favicon-32.png", optimize=True)
    icon(180).save(OUT / "apple-touch-icon.png", optimize=True)
    icon(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    for language in NAMES:
        social_card(language).save(OUT / f"social-card-{language}.png", optimize=True)


if __name__ == "__main__":
    main()
