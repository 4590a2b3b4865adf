"""WCAG 2.x contrast: the ratio between two colours, and the text colour that reads best on a fill."""

from __future__ import annotations

DARK_TEXT, LIGHT_TEXT, PAGE = "#0b0c0c", "#ffffff", "#ffffff"
TEXT_CONTRAST = 4.5  # WCAG 1.4.3, text of ordinary size


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio between two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    return DARK_TEXT if contrast_ratio(fill, DARK_TEXT) >= contrast_ratio(fill, LIGHT_TEXT) else LIGHT_TEXT
