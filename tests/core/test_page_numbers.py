"""The page numbers a long list's pagination shows (core.templatetags.portal.page_numbers)."""

from django.core.paginator import Paginator

from core.templatetags.portal import page_numbers


def numbers(count: int, page: int) -> list[int | None]:
    return page_numbers(Paginator(range(count), 10).page(page))


def test_first_last_and_two_either_side_with_gaps_between():
    assert numbers(1000, 50) == [1, None, 48, 49, 50, 51, 52, None, 100]


def test_at_either_end():
    assert numbers(1000, 1) == [1, 2, 3, None, 100]
    assert numbers(1000, 100) == [1, None, 98, 99, 100]


def test_a_short_list_shows_every_page():
    assert numbers(40, 2) == [1, 2, 3, 4]
