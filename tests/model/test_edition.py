"""Service-level editions: only the sections asked for, in catalogue order, with a did-you-mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.model.edition import only_sections, unknown_sections
from scorecard_report.publish.policy import edition_name, manifest_name

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(FIXTURES / "small.yaml")


def test_only_the_sections_named_in_catalogue_order(catalogue: Catalogue) -> None:
    cut = only_sections(catalogue, ["care", "front-door"])
    assert [section.id for section in cut.sections] == ["front-door", "care"]
    care = only_sections(catalogue, ["care"])
    assert [i.ref for i in care.indicators] == ["CLA1", "CLA9", "012"]
    assert care.refs == {"CLA1", "CLA9", "012"}
    assert [i.ref for i in catalogue.indicators][:3] == ["FD1", "FD8", "CF5"]  # the original is unchanged


def test_no_sections_named_is_the_whole_catalogue(catalogue: Catalogue) -> None:
    assert only_sections(catalogue, []) is catalogue


def test_unknown_ids_get_the_closest_id_or_the_list(catalogue: Catalogue) -> None:
    assert unknown_sections(catalogue, ["front-door", "frontdoor", "finance"]) == [
        "--section frontdoor: no such section in small.yaml (did you mean 'front-door'?)",
        "--section finance: no such section in small.yaml (the sections are front-door, care)",
    ]


def test_edition_name_appends_the_ids_in_catalogue_order(catalogue: Catalogue) -> None:
    assert edition_name("scorecard", ["care", "front-door"], catalogue) == "scorecard-front-door-care"
    assert edition_name("scorecard", [], catalogue) == "scorecard"


def test_a_configured_edition_s_manifest_is_named_after_it_not_its_sections() -> None:
    # Two [[edition]] tables may show the same sections (the committee's and the website's whole
    # scorecard), so their manifests are named after their names; --section editions after their ids.
    assert manifest_name([], "committee") == "manifest-committee.json"
    assert manifest_name(["front-door"], "front-door-web") == "manifest-front-door-web.json"
    assert manifest_name(["front-door"]) == "manifest-front-door.json"
    assert manifest_name([]) == "manifest.json"
