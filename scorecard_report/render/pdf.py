"""The scorecard as a tagged PDF through WeasyPrint, fetching nothing but what the project ships."""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from scorecard_report.problems import InputError, Problem
from scorecard_report.render.pdf_pages import cache_page_references
from scorecard_report.render.pdf_tags import finish_tags

FONT_FILES = (
    ("DejaVuSans.ttf", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "italic"),
    ("DejaVuSans-BoldOblique.ttf", "bold", "italic"),
)


def font_faces(fonts: Path) -> str:
    """@font-face rules for the shipped fonts, by absolute URL so a user's templates need no copy."""
    return "\n".join(
        f'@font-face {{ font-family: "DejaVu Sans"; src: url("{(fonts / name).resolve().as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in FONT_FILES
    )


class BlockedFetch(FatalURLFetchingError):  # type: ignore[misc]  # WeasyPrint has no type hints
    """A document asked for something outside the allowed folders, or for the network."""


class RestrictedFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
    """Serves ``data:`` URIs and files inside ``folders``; anything else stops the build.

    A file inside the folders that does not exist (a theme's missing ``logo.png``) stops it too, so a
    missing picture is an error, never a blank space.
    """

    def __init__(self, folders: tuple[Path, ...]) -> None:
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False, fail_on_errors=True)
        self.folders = tuple(folder.resolve() for folder in folders)
        self.refused: list[str] = []
        self.missing: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlparse(url).path)).resolve()
            if any(path.is_relative_to(folder) for folder in self.folders):
                if path.is_file():
                    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": media_type})
                self.missing.append(url)
                raise BlockedFetch(f"{url} does not exist")
        self.refused.append(url)
        raise BlockedFetch(f"refused to fetch {url}: only files shipped with the templates may be used")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # An advice about the machine's libraries, not about the document: the PDF is the same.
        if "HarfBuzz-Subset" not in message:
            self.messages.append(message)


@contextmanager
def _weasyprint_logs() -> Iterator[_Collect]:
    """Collect WeasyPrint's warnings and errors: each one means the PDF is not what was asked for."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def render_pdf(html: str, folders: tuple[Path, ...], template_name: str) -> bytes:
    """Lay out ``html`` as a tagged PDF/UA-1 document; any refused fetch or logged problem fails.

    ``folders`` are the user's templates (if any) then the package's, whose fonts are used. WeasyPrint's
    PDF then gets the tagging it cannot write yet (``pdf_tags``): table header scopes and headers,
    running headers and footers as artifacts, no empty elements, printable links.
    """
    cache_page_references()
    fetcher = RestrictedFetcher(folders)
    base_url = folders[0].resolve().as_uri() + "/"
    with _weasyprint_logs() as logs:
        try:
            document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
            fonts = CSS(string=font_faces(folders[-1] / "fonts"), url_fetcher=fetcher)
            pdf = document.write_pdf(stylesheets=[fonts], pdf_variant="pdf/ua-1", pdf_tags=True)
        except BlockedFetch:
            pass
    problems = [
        Problem(
            template_name,
            f"refused to fetch {url}",
            hint="templates may use only files in "
            "their own folder and data: URIs; nothing is fetched from the network",
        )
        for url in fetcher.refused
    ]
    problems += [
        Problem(
            template_name,
            f"{url} not found",
            hint="add the file to the templates folder, or remove what refers to it",
        )
        for url in fetcher.missing
    ]
    problems += [
        Problem(template_name, f"WeasyPrint: {message}", hint="fix the template or stylesheet")
        for message in logs.messages
        if not any(url in message for url in (*fetcher.refused, *fetcher.missing))
    ]
    if problems:
        raise InputError(problems)
    return finish_tags(pdf)
