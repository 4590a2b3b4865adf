"""The web page's charts in fewer bytes: the same picture in a palette of 256 colours.

The PDF and the web page are made from one HTML string. The PDF keeps the charts as drawn; the web
page, read over a council's network and on phones, takes each chart PNG reduced to a palette, which
holds the few colours a chart uses with their anti-aliased edges. Only the charts are touched: the
logo and the icons are left as they are.
"""

from __future__ import annotations

import base64
import io
import re

CHART_PICTURE = re.compile(r'(<img src=")data:image/png;base64,([A-Za-z0-9+/=]+)(" alt=")')
COLOURS = 256


def _smaller(png: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        paletted = picture.convert("RGB").quantize(
            COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        out = io.BytesIO()
        paletted.save(out, format="PNG", optimize=True)
    smaller = out.getvalue()
    return smaller if len(smaller) < len(png) else png


def smaller_charts(html: str) -> str:
    """``html`` with every inline chart PNG written in a palette; the same page otherwise."""

    def replace(match: re.Match[str]) -> str:
        png = _smaller(base64.b64decode(match.group(2)))
        return (
            f"{match.group(1)}data:image/png;base64,{base64.b64encode(png).decode('ascii')}{match.group(3)}"
        )

    return CHART_PICTURE.sub(replace, html)
