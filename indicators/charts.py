"""Figures ready for a page: a state's series over time and a comparison across states, as small SVG charts.

The charts are drawn on the server (templates/indicators/_line_chart.html and _bar_chart.html) with a
title, a description and the same numbers in a table: no script, nothing from another site. Coordinates
are given as plain strings so that the Russian decimal comma never reaches the SVG.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from django.utils.formats import number_format

from indicators.models import Indicator, IndicatorValue

LINE_WIDTH, LINE_HEIGHT, LINE_PADDING = 320, 120, 12
# Room above the highest point for the label of the axis's top value.
LINE_TOP = 20
BAR_WIDTH, BAR_ROW, BAR_LABEL = 640, 28, 180


def format_figure(value: Decimal, places: int) -> str:
    """A figure in the reader's language: «15 039» and «3,5» in Russian, "15,039" and "3.5" in English."""
    return number_format(round(value, places), places, use_l10n=True, force_grouping=True)


def coordinate(number: float) -> str:
    return f"{number:.1f}"


@dataclass
class Point:
    value: IndicatorValue
    label: str
    x: str = ""
    y: str = ""


@dataclass
class Series:
    """One indicator's values for one state, oldest first, with the points of its line chart."""

    indicator: Indicator
    points: list[Point]
    width: int = LINE_WIDTH
    height: int = LINE_HEIGHT
    polyline: str = ""
    top_label: str = ""
    bottom_label: str = ""

    @property
    def latest(self) -> Point:
        return self.points[-1]

    @property
    def first_year(self) -> int:
        return self.points[0].value.year

    @property
    def has_sample(self) -> bool:
        return any(point.value.is_sample for point in self.points)


def value_range(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    """The chart's axis: from zero (or the lowest negative value) to the highest value."""
    low, high = min(min(values), Decimal(0)), max(max(values), Decimal(0))
    if low == high:
        high = low + 1
    return low, high


def line_series(indicator: Indicator, values: list[IndicatorValue]) -> Series:
    places = indicator.decimal_places
    points = [Point(value, format_figure(value.value, places)) for value in values]
    low, high = value_range([value.value for value in values])
    inner_width = LINE_WIDTH - 2 * LINE_PADDING
    inner_height = LINE_HEIGHT - LINE_TOP - LINE_PADDING
    first, last = values[0].year, values[-1].year
    for point in points:
        share_x = 0.5 if first == last else (point.value.year - first) / (last - first)
        share_y = float((point.value.value - low) / (high - low))
        point.x = coordinate(LINE_PADDING + share_x * inner_width)
        point.y = coordinate(LINE_TOP + (1 - share_y) * inner_height)
    return Series(
        indicator,
        points,
        polyline=" ".join(f"{point.x},{point.y}" for point in points),
        top_label=format_figure(high, places),
        bottom_label=format_figure(low, places),
    )


class Figures(list):
    """A state's series, knowing whether any of them holds sample data."""

    @property
    def has_sample(self) -> bool:
        return any(series.has_sample for series in self)


def state_figures(state) -> Figures:
    """Every indicator with values for this state, each as a series over time (one query)."""
    values = (
        IndicatorValue.objects.filter(state=state)
        .select_related("indicator")
        .order_by("indicator__position", "indicator__slug", "year")
    )
    return Figures(
        line_series(indicator, list(group)) for indicator, group in groupby(values, key=lambda value: value.indicator)
    )


@dataclass
class Bar:
    value: IndicatorValue
    label: str
    y: str
    width: str
    text_y: str
    value_x: str


@dataclass
class Comparison:
    """The participating states' values of one indicator in one year, as bars, largest first."""

    indicator: Indicator
    years: list[int]
    year: int | None
    bars: list[Bar] = field(default_factory=list)
    width: int = BAR_WIDTH
    label_width: int = BAR_LABEL

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * BAR_ROW

    @property
    def has_sample(self) -> bool:
        return any(bar.value.is_sample for bar in self.bars)


def comparison_values(indicator: Indicator):
    return (
        IndicatorValue.objects.of_participating_states()
        .filter(indicator=indicator)
        .select_related("state", "indicator")
        .order_by("state__name", "year")
    )


def default_year(values: list[IndicatorValue]) -> int | None:
    """The latest year that the most states have a value for: the fairest single year to compare."""
    counts = Counter(value.year for value in values)
    return max(counts, key=lambda year: (counts[year], year)) if counts else None


def comparison(indicator: Indicator, year: int | None = None) -> Comparison:
    values = list(comparison_values(indicator))
    years = sorted({value.year for value in values}, reverse=True)
    year = year or default_year(values)
    chosen = sorted((value for value in values if value.year == year), key=lambda value: -value.value)
    result = Comparison(indicator, years, year)
    if not chosen:
        return result
    low, high = value_range([value.value for value in chosen])
    scale = (BAR_WIDTH - BAR_LABEL - 90) / float(high - low)
    for row, value in enumerate(chosen):
        width = max(float(value.value - low) * scale, 1)
        result.bars.append(
            Bar(
                value,
                format_figure(value.value, indicator.decimal_places),
                y=coordinate(row * BAR_ROW + 4),
                width=coordinate(width),
                text_y=coordinate(row * BAR_ROW + BAR_ROW / 2 + 4),
                value_x=coordinate(BAR_LABEL + width + 6),
            )
        )
    return result
