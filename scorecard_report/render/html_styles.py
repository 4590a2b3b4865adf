"""The HTML page's own style rules: each tone as a CSS class in the palette's colours, each icon as a
class holding its picture, and the running header and footer of the printed pages."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator

from scorecard_report.present.document import DocumentView
from scorecard_report.present.icons import Icon
from scorecard_report.present.palette import ARROW_TONES, FILL_TONES, Palette, Swatch, Tone
from scorecard_report.render.icons import icon_png, icon_uri

# The one mapping from a tone to the class the template and stylesheet use for it.
TONE_CLASSES = {
    Tone.GREEN: "fill-green",
    Tone.AMBER: "fill-amber",
    Tone.RED: "fill-red",
    Tone.NONE: "fill-none",
    Tone.INADEQUATE: "fill-inadequate",
    Tone.REQUIRES_IMPROVEMENT: "fill-requires-improvement",
    Tone.GOOD: "fill-good",
    Tone.OUTSTANDING: "fill-outstanding",
    Tone.IMPROVING: "improving",
    Tone.DECLINING: "declining",
    Tone.NEUTRAL: "neutral",
    Tone.ACCENT: "accent",
    Tone.GROUP: "group",
}


def tone_class(tone: Tone | None) -> str:
    """The CSS class for a tone (a Jinja filter); no tone, no class."""
    return "" if tone is None else TONE_CLASSES[tone]


def css_string(text: str) -> str:
    """A CSS string literal that cannot end the string, the rule or the <style> element."""
    escaped = "".join(c if c.isalnum() or c in " .,:;()/–-'" else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def palette_css(palette: Palette) -> str:
    """Fills as classes with their readable text colour, arrows in their colour, and the accent and group
    surfaces as custom properties for the stylesheet to place."""
    fills = [_fill_rule(tone, palette.swatch(tone)) for tone in FILL_TONES]
    arrows = [
        f".{TONE_CLASSES[tone]} .arrow {{ color: {palette.swatch(tone).colour}; }}" for tone in ARROW_TONES
    ]
    accent, group = palette.swatch(Tone.ACCENT), palette.swatch(Tone.GROUP)
    surfaces = (
        f":root {{ --accent: {accent.colour}; --accent-text: {accent.text};"
        f" --group: {group.colour}; --group-text: {group.text}; }}"
    )
    return "\n".join([*fills, *arrows, surfaces])


def _fill_rule(tone: Tone, swatch: Swatch) -> str:
    return f".{TONE_CLASSES[tone]} {{ background-color: {swatch.colour}; color: {swatch.text}; }}"


def icon_class(icon: Icon) -> str:
    """The CSS class that draws ``icon`` (a Jinja filter): its name, and a digest of its picture so that
    two different pictures can never share a class."""
    name = re.sub(r"[^a-z0-9_-]+", "-", icon.name.lower()).strip("-")
    return f"icon-{name}-{hashlib.sha256(icon_png(icon)).hexdigest()[:8]}"


def icons_css(doc: DocumentView) -> str:
    """One rule per icon the document shows, each picture written once: the page has hundreds of cells
    with one of about ten icons."""
    classes = {icon_class(icon): icon_uri(icon) for icon in _icons(doc)}
    return "\n".join(
        f".{name} {{ background-image: url('{uri}'); }}" for name, uri in sorted(classes.items())
    )


def _icons(view: object) -> Iterator[Icon]:
    """Every icon anywhere in the document view: the view is frozen dataclasses and tuples."""
    stack = [view]
    while stack:
        item = stack.pop()
        if isinstance(item, Icon):
            yield item
        elif isinstance(item, tuple):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, field.name) for field in dataclasses.fields(item))


def page_css(doc: DocumentView) -> str:
    """Running header and footer text, written into @page rules. Under the running title, a table that
    goes on from the page before names itself (the stylesheet's ``continued`` string)."""
    title, marking = css_string(doc.running_title), css_string(doc.marking)
    before, between = css_string(doc.page_number.before), css_string(doc.page_number.between)
    return (
        f'@page {{ @top-left {{ content: {title} "\\A" string(continued, start); }} '
        f"@top-right {{ content: {marking}; }} "
        f"@bottom-left {{ content: {marking}; }} "
        f"@bottom-right {{ content: {before} counter(page) {between} counter(pages); }} }}\n"
        "@page cover { @top-left { content: none; } @top-right { content: none; } }"
    )


def document_css(doc: DocumentView) -> str:
    """Every rule the page's own view adds after the stylesheet: colours, icons, the council's font, @page
    text."""
    rules = [palette_css(doc.palette), icons_css(doc)]
    if doc.font:
        rules.append(f'html {{ font-family: {css_string(doc.font)}, "DejaVu Sans", Arial, sans-serif; }}')
    return "\n".join([*rules, page_css(doc)])
