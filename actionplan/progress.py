"""The picture of progress: how many activities of each priority are in each status.

One table of numbers (`progress_table`) feeds both the SVG bars and the HTML table under them, so the
two can never disagree.
"""

from collections import Counter

from actionplan.models import Activity
from core.i18n import localized

# Fill colours of the statuses, readable on white and told apart by the legend and the table too.
COLOURS = {
    Activity.Status.PLANNED: "#9aa5b1",
    Activity.Status.IN_PROGRESS: "#1f6fb2",
    Activity.Status.COMPLETED: "#2e7d32",
    Activity.Status.SUSPENDED: "#b26a00",
    Activity.Status.CANCELLED: "#6d1f1f",
}


def progress_table(activities) -> dict:
    """Rows (one per priority, in plan order) of counts per status, with totals; from activities in memory."""
    statuses = [{"value": value, "label": label, "colour": COLOURS[value]} for value, label in Activity.Status.choices]
    rows, counters = [], {}
    for activity in activities:
        priority = activity.priority
        if priority.pk not in counters:
            counters[priority.pk] = Counter()
            rows.append({"priority": priority})
        counters[priority.pk][activity.status] += 1
    totals = Counter()
    for row in rows:
        counts = counters[row["priority"].pk]
        row["label"] = localized(row["priority"], "title").text
        row["counts"] = [counts[status["value"]] for status in statuses]
        row["total"] = sum(row["counts"])
        totals.update(counts)
    return {
        "statuses": statuses,
        "rows": rows,
        "totals": [totals[status["value"]] for status in statuses],
        "total": sum(totals.values()),
    }


LABEL_WIDTH, BAR_WIDTH, BAR_HEIGHT, GAP, TOP = 260, 420, 22, 12, 8


def progress_picture(table: dict) -> dict:
    """Geometry of the stacked bars: one bar per priority, as long as its share of the largest priority."""
    longest = max((row["total"] for row in table["rows"]), default=0) or 1
    bars = []
    for line, row in enumerate(table["rows"]):
        y = TOP + line * (BAR_HEIGHT + GAP)
        x = LABEL_WIDTH
        segments = []
        for status, count in zip(table["statuses"], row["counts"], strict=True):
            if not count:
                continue
            width = round(BAR_WIDTH * count / longest, 1)
            segments.append({"x": x, "width": width, "count": count, "status": status})
            x += width
        bars.append(
            {
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "label": row["label"],
                "segments": segments,
                "total": row["total"],
                "end_x": x + 6,
            }
        )
    return {
        "bars": bars,
        "bar_height": BAR_HEIGHT,
        "label_width": LABEL_WIDTH,
        "width": LABEL_WIDTH + BAR_WIDTH + 40,
        "height": TOP + max(len(bars), 1) * (BAR_HEIGHT + GAP),
    }
