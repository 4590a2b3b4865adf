"""The web page's charts in a palette: far fewer bytes, the same picture to within a few levels."""

from __future__ import annotations

import base64
import io

from PIL import Image, ImageChops, ImageDraw

from scorecard_report.render.web_pictures import smaller_charts


def chart_png() -> bytes:
    """A chart-like picture: white, grid lines, an anti-aliased line and a shaded band."""
    picture = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 60, 400, 100), fill="#fbe3d0")
    for y in range(20, 200, 40):
        draw.line((0, y, 400, y), fill="#dddddd")
    draw.line([(x, 100 + 40 * ((x // 37) % 3 - 1)) for x in range(0, 400, 37)], fill="#005eb8", width=3)
    picture = picture.resize((800, 400), Image.Resampling.LANCZOS)  # soft edges: many shades
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def test_a_chart_becomes_a_palette_png_that_looks_the_same() -> None:
    original = chart_png()
    page = f'<img src="{uri(original)}" alt="FD1 chart">'
    smaller = smaller_charts(page)
    written = base64.b64decode(smaller.split("base64,")[1].split('"')[0])
    assert len(written) < len(original)
    with Image.open(io.BytesIO(written)) as picture:
        assert picture.mode == "P"
        after = picture.convert("RGB")
    before = Image.open(io.BytesIO(original)).convert("RGB")
    largest = max(high for _low, high in ImageChops.difference(after, before).getextrema())
    assert largest <= 32  # per channel, of 255
    assert smaller.endswith('" alt="FD1 chart">')
    assert smaller_charts(page) == smaller  # the same bytes every build


def test_the_logo_and_other_pictures_are_left_alone() -> None:
    page = f'<img class="logo" src="{uri(chart_png())}" alt="Council logo">'
    assert smaller_charts(page) == page
