"""The web page's charts in fewer bytes: the same picture in a palette of 256 colours.

The PDF and the web page are made from one HTML string. The PDF keeps the charts as drawn; the web
page, read over a council's network and on phones, takes each chart PNG reduced to a palette, which
holds the few colours a chart uses with their anti-aliased edges. Only the charts are touched: the
logo and the icons are left as they are.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from collections import OrderedDict

CHART_PICTURE = re.compile(r'(<img src=")data:image/png;base64,([A-Za-z0-9+/=]+)(" alt=")')
COLOURS = 256
# Reducing a chart takes tens of milliseconds, and the editions of one run show many of the same charts:
# each is reduced once, by the sha256 of its PNG. Bounded, so that a long-lived process (a notebook) does
# not grow without end: 2,048 of the reduced pictures, about 30 MB at their largest.
REMEMBERED = 2048
_reduced: OrderedDict[bytes, bytes] = OrderedDict()


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


def _smaller_once(png: bytes) -> bytes:
    """``_smaller(png)``, worked out once in this process for each picture."""
    key = hashlib.sha256(png).digest()
    if (known := _reduced.get(key)) is not None:
        _reduced.move_to_end(key)
        return known
    _reduced[key] = smaller = _smaller(png)
    if len(_reduced) > REMEMBERED:
        _reduced.popitem(last=False)
    return smaller


def smaller_charts(html: str) -> str:
    """``html`` with every inline chart PNG written in a palette; the same page otherwise."""

    def replace(match: re.Match[str]) -> str:
        png = _smaller_once(base64.b64decode(match.group(2)))
        return (
            f"{match.group(1)}data:image/png;base64,{base64.b64encode(png).decode('ascii')}{match.group(3)}"
        )

    return CHART_PICTURE.sub(replace, html)
