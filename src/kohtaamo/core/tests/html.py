"""A small HTML reader for page tests: the text of an element, the rows of a
table, the attributes of tags. Standard library only."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs = tag, attrs
        self.children: list[_Node | str] = []

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return re.sub(r"\s+", " ", " ".join(parts)).strip()

    def walk(self) -> Any:
        yield self
        for child in self.children:
            if isinstance(child, _Node):
                yield from child.walk()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str | bytes) -> _Node:
    builder = _Builder()
    builder.feed(html.decode() if isinstance(html, bytes) else html)
    return builder.root


def by_id(html: str | bytes, element_id: str) -> _Node:
    for node in parse(html).walk():
        if node.attrs.get("id") == element_id:
            return node
    raise AssertionError(f"no element with id {element_id!r}")


def text_of(html: str | bytes, element_id: str) -> str:
    return by_id(html, element_id).text()


def tags(html: str | bytes, tag: str) -> list[_Node]:
    return [node for node in parse(html).walk() if node.tag == tag]


def table_rows(html: str | bytes, element_id: str | None = None) -> list[list[str]]:
    """The body rows of the first table (inside `element_id` if given), as cell texts."""
    root = by_id(html, element_id) if element_id else parse(html)
    for node in root.walk():
        if node.tag == "tbody":
            return [
                [cell.text() for cell in row.children if isinstance(cell, _Node)]
                for row in node.children
                if isinstance(row, _Node) and row.tag == "tr"
            ]
    raise AssertionError("no table body")


def nav_labels(html: str | bytes) -> list[str]:
    for node in parse(html).walk():
        if (
            node.tag == "nav"
            and node.attrs.get("aria-label")
            and node.attrs.get("id") == "main-nav"
        ):
            return [a.text() for a in node.walk() if a.tag == "a"]
    return []
