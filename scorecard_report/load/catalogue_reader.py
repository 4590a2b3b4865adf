"""Catalogue problems at their line; mappings checked against a schema, a misspelt key as the one meant."""

from __future__ import annotations

import difflib
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from scorecard_report.load.strict_yaml import YamlDocument, YamlPath
from scorecard_report.problems import Problem

Model = TypeVar("Model", bound=BaseModel)


class CatalogueReader:
    """Walks one catalogue document, collecting problems as it goes."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        # Where a misspelt key is checked as the key it suggests: that key's location → the one written.
        self.respelt: dict[YamlPath, YamlPath] = {}

    def problem(
        self,
        at: YamlPath,
        message: str,
        hint: str | None = None,
        ref: str | None = None,
        warning: bool = False,
    ) -> None:
        line = self.document.line_of(self._as_written(at))
        problem = Problem(self.document.path, message, line=line, ref=ref, hint=hint, warning=warning)
        (self.warnings if warning else self.problems).append(problem)

    def _as_written(self, at: YamlPath) -> YamlPath:
        """``at`` as the author wrote it: the longest respelt part first, then any respelt around it
        (``spc.min_points`` written ``sp: {min_point: …}``)."""
        unused = dict(self.respelt)
        while matches := [meant for meant in unused if at[: len(meant)] == meant]:
            meant = max(matches, key=len)
            at = (*unused.pop(meant), *at[len(meant) :])
        return at

    def validate(
        self, schema: type[Model], raw: Any, at: YamlPath, ref: str | None = None, skip: tuple[str, ...] = ()
    ) -> Model | None:
        """The mapping ``raw`` as ``schema``, or None after reporting every problem it has.

        An unknown key hides none of the mapping's other problems: once reported, the mapping is checked
        again as if the key were spelt as it suggests (``polarty`` as ``polarity``, when that key is not
        there too), or else as if it were not there, and the model returned is checked further by the
        caller. The catalogue is refused all the same, for the unknown key.
        """
        if not isinstance(raw, dict):
            self.problem(at, f"expected a mapping of keys, found {_kind(raw)}", ref=ref)
            return None
        try:
            return schema.model_validate(raw)
        except ValidationError as error:
            details = error.errors()
        unknown = [detail for detail in details if detail["type"] == "extra_forbidden"]
        for detail in unknown or details:
            if detail["loc"] and detail["loc"][0] in skip:
                continue
            self.problem((*at, *detail["loc"]), *_explain(detail, schema), ref=ref)
        if not unknown:
            return None
        return self._validate_respelt(schema, raw, at, ref, skip, [tuple(d["loc"]) for d in unknown])

    def _validate_respelt(
        self,
        schema: type[Model],
        raw: dict[str, Any],
        at: YamlPath,
        ref: str | None,
        skip: tuple[str, ...],
        unknown: list[YamlPath],
    ) -> Model | None:
        """``raw`` checked again with its unknown keys respelt, each problem placed where it was written."""
        respelt = _respelt(raw, schema, unknown)
        for meant, written in respelt.renamed:
            self.respelt[(*at, *meant)] = (*at, *written)
        try:
            return schema.model_validate(respelt.raw)
        except ValidationError as error:
            for detail in error.errors():
                if not (detail["loc"] and detail["loc"][0] in skip):
                    self.problem((*at, *detail["loc"]), *_explain(detail, schema), ref=ref)
            return None


@dataclass(frozen=True)
class _Respelt:
    raw: dict[str, Any]
    renamed: list[tuple[YamlPath, YamlPath]]  # (the key as meant, the key as written)


def _respelt(raw: dict[str, Any], schema: type[BaseModel], unknown: list[YamlPath]) -> _Respelt:
    """``raw`` with each unknown key renamed to its suggestion where the mapping lacks that key, else
    dropped."""
    copy = deepcopy(raw)
    renamed: list[tuple[YamlPath, YamlPath]] = []
    for location in unknown:
        parent: Any = copy
        for step in location[:-1]:
            parent = parent[step]
        key = location[-1]
        meant = _suggestion(str(key), _nested_schema(schema, location[:-1]))
        value = parent.pop(key)
        if meant is not None and meant not in parent:
            parent[meant] = value
            renamed.append(((*location[:-1], meant), location))
    return _Respelt(copy, renamed)


def _suggestion(key: str, schema: type[BaseModel]) -> str | None:
    """The key of ``schema`` that ``key`` is most likely a misspelling of, if any is close."""
    close = difflib.get_close_matches(key, list(schema.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _kind(raw: Any) -> str:
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    return f"the text '{raw}'" if isinstance(raw, str) else "nothing"


def _nested_schema(schema: type[BaseModel], location: tuple[Any, ...]) -> type[BaseModel]:
    """The model that owns the last key of ``location`` (``report`` → ReportSchema)."""
    for key in location:
        field = schema.model_fields.get(key) if isinstance(key, str) else None
        annotation = field.annotation if field else None
        inner = getattr(annotation, "__args__", (annotation,))[0] if annotation is not None else None
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            schema = inner
    return schema


def _explain(detail: Any, schema: type[BaseModel]) -> tuple[str, str | None]:
    """One pydantic error as a message and a hint in the catalogue's words."""
    key = str(detail["loc"][-1]) if detail["loc"] else ""
    schema = _nested_schema(schema, tuple(detail["loc"][:-1]))
    kind = detail["type"]
    if kind == "extra_forbidden":
        close = _suggestion(key, schema)
        hint = f"did you mean '{close}'?" if close else "allowed keys: " + ", ".join(schema.model_fields)
        return f"unknown key '{key}'", hint
    if kind == "missing":
        return f"missing key '{key}'", f"add '{key}:'"
    message = str(detail["msg"]).removeprefix("Value error, ")
    given = detail.get("input")
    if isinstance(given, str):
        message += f", not '{given}'"
    return f"{key}: {message}", None
