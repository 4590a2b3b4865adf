"""The SPC icons drawn as small PNG pictures, the same bytes in the web page, the PDF and Word."""

from __future__ import annotations

import base64
import io
from functools import cache

from scorecard_report.present.icons import BOX, Icon, Shape, ShapeKind

PNG_SCALE = 8  # drawn at 8x and shrunk: Pillow draws without anti-aliasing
PNG_PIXELS = 48


@cache
def icon_uri(icon: Icon) -> str:
    """The icon as a data: URI of its PNG: the page's allow-list and Content-Security-Policy take PNG
    and JPEG pictures only, so one picture serves the web page, the PDF and Word."""
    return "data:image/png;base64," + base64.b64encode(icon_png(icon)).decode("ascii")


@cache
def _icon_png(icon: Icon) -> bytes:
    from PIL import Image, ImageDraw

    size = BOX * PNG_SCALE
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    for shape in icon.shapes:
        _draw(draw, shape)
    small = image.resize((PNG_PIXELS, PNG_PIXELS), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def icon_png(icon: Icon) -> bytes:
    """The icon as a PNG, drawn once per build."""
    return _icon_png(icon)


def _draw(draw: object, shape: Shape) -> None:
    from PIL import ImageDraw

    assert isinstance(draw, ImageDraw.ImageDraw)
    k = PNG_SCALE
    points = [(x * k, y * k) for x, y in shape.points]
    width = round(shape.width * k)
    if shape.kind is ShapeKind.CIRCLE:
        (cx, cy), (r, _) = points
        box = (cx - r, cy - r, cx + r, cy + r)
        draw.ellipse(box, fill=shape.fill, outline=shape.stroke, width=width)
    elif shape.kind is ShapeKind.SQUARE:
        (x0, y0), (x1, y1) = points
        draw.rounded_rectangle(
            (x0, y0, x1, y1), radius=3 * k, fill=shape.fill, outline=shape.stroke, width=width
        )
    elif shape.kind is ShapeKind.POLYGON:
        draw.polygon(points, fill=shape.fill, outline=shape.stroke)
    else:
        draw.line(points, fill=shape.stroke, width=width, joint="curve")
        for x, y in (points[0], points[-1]):  # round caps, as the SVG's
            r = width / 2
            draw.ellipse((x - r, y - r, x + r, y + r), fill=shape.stroke)
