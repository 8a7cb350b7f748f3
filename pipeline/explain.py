"""`python -m pipeline explain PAGE`: what the reader and the splitter made of one page, and why."""
from __future__ import annotations

from pathlib import Path

from .read import read
from .records import Release
from .split import Segmentation, segment

_WIDTH = 100


def explain(path: Path) -> str:
    """A report of one page: how it was split (and the runners-up), each line's role, the census, the records."""
    page = read(Path(path))
    out = [f"page: {page.source}", f"format: {page.format}"]
    if page.url:
        out.append(f"url: {page.url}")
    if page.meta is not None:
        out.extend(f"declared {key}: {value}" for key in page.meta.__slots__
                   if (value := getattr(page.meta, key)) not in (None, False))
    found = segment(page)
    out.append(f"type: {found.how}")
    out.append(f"dates: {found.census.describe()}"
               + ("" if found.census.understood else " — NOT UNDERSTOOD: most of the page's dates are in no record"))
    if found.candidates:
        out.append("markup candidates (best first):")
        out.extend(f"  {'chosen' if c.chosen else '      '} {c.score:7.2f}  {c.items:4} items, {c.dated:4} dated  "
                   f"{c.signature:.{_WIDTH}}" for c in found.candidates)
    for n, card in enumerate(found.cards, 1):
        out.append(f"  item {n}: {card.region}")
        values = {"title": card.title, "date": str(card.published), "kind": card.kind}
        out.extend(f"    {field:8} <- {where}  {values.get(field)!r:.{_WIDTH}}" for field, where in card.evidence)
    if found.layout is not None or (found.lines and page.format == "text"):
        out.extend(_lines(found))
    out.append(f"records: {len(found.releases)}")
    out.extend(_record(n, r) for n, r in enumerate(found.releases, 1))
    return "\n".join(out)


def _lines(found: Segmentation) -> list[str]:
    layout = found.layout
    out = []
    if layout is not None:
        out.append(f"template: {layout.template.describe()}  "
                   f"(explains {layout.explained} of {layout.considered} lines, score {layout.score:.2f})")
    role_of = {}
    if layout is not None:
        for n, lines_of_card in enumerate(layout.cards, 1):
            role_of[lines_of_card.anchor.index] = f"card {n} date"
            for line, role in lines_of_card.roles:
                role_of[line.index] = f"card {n} {role}"
    for line in found.lines:
        role = role_of.get(line.index) or ("furniture" if line.chrome else "-")
        out.append(f"  {line.index:4} {role:16} {line.text!r:.{_WIDTH}}")
    return out


def _record(n: int, release: Release) -> str:
    fields = [f"  record {n}: {release.kind}, {release.published}, title {release.title!r:.{_WIDTH}}"]
    if release.url:
        fields.append(f"    url: {release.url}")
    if release.date_text:
        fields.append(f"    date from: {release.date_text!r}")
    fields.append(f"    summary: {release.summary[:_WIDTH]!r}{'…' if len(release.summary) > _WIDTH else ''}")
    fields.extend(f"    warning: {w}" for w in release.warnings)
    return "\n".join(fields)
