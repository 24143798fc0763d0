"""Reading the plan's pages: elements by class, as a reader would find them."""

from lxml import html


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def parse(response):
    return html.fromstring(response.content.decode())


def text(element) -> str:
    return " ".join(element.text_content().split())


def by_class(tree, name: str, tag: str = "*"):
    return tree.xpath(f".//{tag}[{has_class(name)}]")


def activity_titles(tree) -> list[str]:
    return [text(a) for a in tree.xpath(f".//section[{has_class('action-plan')}]//a[{has_class('activity-title')}]")]
