# SPDX-License-Identifier: Apache-2.0
"""The signed documents as typed values: package manifests and score bundles, read strictly."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.bundles.canonical import DECIMAL_RE, FormatError, loads, parse_decimal, parse_utc, unb64
from app.bundles.keys import check_sealed

PACKAGE_FORMAT = "leitai-package"
BUNDLE_FORMAT = "leitai-scores"
VERSION = 1
MANIFEST_ENTRY = "manifest.json"
MANIFEST_SIG_ENTRY = "manifest.sig"
BUNDLE_ENTRY = "bundle.json"
BUNDLE_SIG_ENTRY = "bundle.sig"
MAX_MANIFEST = 64 * 1024 * 1024
MAX_BUNDLE = 16 * 1024 * 1024
STATES = ("not_started", "draft", "submitted", "recused")

_SHA_RE = re.compile(r"[0-9a-f]{64}")
_EXT_RE = re.compile(r"[a-z0-9]{1,8}")
_ID_RE = re.compile(r"[0-9a-f]{32}")
_FILE_ENTRY_RE = re.compile(r"files/([0-9a-f]{64})\.([a-z0-9]{1,8})")
_KEY_RE = re.compile(r"[A-Za-z0-9_.-]{1,40}")


def package_entry_ok(name: str) -> bool:
    """Names a package may hold (§3.1)."""
    return name in (MANIFEST_ENTRY, MANIFEST_SIG_ENTRY) or _FILE_ENTRY_RE.fullmatch(name) is not None


def bundle_entry_ok(name: str) -> bool:
    """Names a bundle may hold (§4.1)."""
    return name in (BUNDLE_ENTRY, BUNDLE_SIG_ENTRY)


# --- strict field access -------------------------------------------------------------------------------


def _obj(value: Any, path: str, fields: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatError(f"{path}: not an object")
    if set(value) != fields:
        missing = sorted(fields - set(value))
        extra = sorted(set(value) - fields)
        raise FormatError(f"{path}: fields differ (missing {missing}, unexpected {extra})")
    return value


def _str(value: Any, path: str, max_len: int = 10_000, pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(value, str) or len(value) > max_len:
        raise FormatError(f"{path}: not a string of at most {max_len} characters")
    if pattern is not None and not pattern.fullmatch(value):
        raise FormatError(f"{path}: {value!r} has the wrong form")
    return value


def _int(value: Any, path: str, low: int = 0, high: int = 2**53 - 1) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise FormatError(f"{path}: not an integer in {low}..{high}")
    return value


def _bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise FormatError(f"{path}: not true/false")
    return value


def _list(value: Any, path: str, max_len: int = 100_000) -> list[Any]:
    if not isinstance(value, list) or len(value) > max_len:
        raise FormatError(f"{path}: not a list")
    return value


# --- package manifest ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackageCriterion:
    """A rubric criterion as a judge package carries it: exact decimals.

    The wire form of the manifest (bundle-format.md), and the criterion the judge's home shows and checks
    scores against; a merge checks a bundle's values against the workspace's rubric in this form too, so
    a value is on the scale in the home exactly when it is in the merge.
    """

    key: str
    name: str
    description: str
    max: Decimal
    step: Decimal
    weight: Decimal


@dataclass(frozen=True, slots=True)
class PackageFile:
    """A distinct case file: its hash binds its bytes whether it is inside the package or on a drive."""

    sha256: str
    size: int
    crc32: int
    ext: str
    entry: str
    included: bool


@dataclass(frozen=True, slots=True)
class PackageCaseFile:
    kind: str
    sha256: str


@dataclass(frozen=True, slots=True)
class PackageCase:
    """A case as the judge sees it (anonymous code and no hospital in a blind round)."""

    id: int
    code: str
    title: str
    hospital: str
    theme_number: int | None
    theme_title: str
    files: tuple[PackageCaseFile, ...]


@dataclass(frozen=True, slots=True)
class Manifest:
    """A judge package's manifest, checked field by field."""

    package_id: str
    serial: int
    created_at: datetime
    competition_uid: str
    competition_name: str
    season: int
    round_key: str
    round_name: str
    blind: bool
    live: bool
    judge_code: str
    judge_name: str
    judge_public_key: bytes
    judge_key: dict[str, Any]
    organizer_key: bytes
    rubric_name: str
    criteria: tuple[PackageCriterion, ...]
    cases: tuple[PackageCase, ...]
    files: tuple[PackageFile, ...]

    def case(self, case_id: int) -> PackageCase | None:
        return next((c for c in self.cases if c.id == case_id), None)

    def criterion(self, key: str) -> PackageCriterion | None:
        return next((c for c in self.criteria if c.key == key), None)


_MANIFEST_FIELDS = {
    "cases",
    "competition",
    "created_at",
    "files",
    "format",
    "judge",
    "judge_key",
    "organizer_key",
    "package_id",
    "round",
    "rubric",
    "serial",
    "version",
}


def parse_manifest(data: bytes) -> Manifest:
    """Read ``manifest.json`` bytes (already signature-checked or about to be); FormatError if wrong."""
    doc = _obj(loads(data), "manifest", _MANIFEST_FIELDS)
    if doc["format"] != PACKAGE_FORMAT or doc["version"] != VERSION:
        raise FormatError(f"not a {PACKAGE_FORMAT} version {VERSION} manifest")
    comp = _obj(doc["competition"], "competition", {"name", "season", "uid"})
    rnd = _obj(doc["round"], "round", {"blind", "key", "live", "name"})
    judge = _obj(doc["judge"], "judge", {"code", "name", "public_key"})
    check_sealed(doc["judge_key"])
    rubric = _obj(doc["rubric"], "rubric", {"criteria", "name"})
    criteria = _parse_criteria(rubric["criteria"])
    files = _parse_files(doc["files"])
    cases = _parse_cases(doc["cases"], {f.sha256 for f in files})
    return Manifest(
        package_id=_str(doc["package_id"], "package_id", pattern=_ID_RE),
        serial=_int(doc["serial"], "serial", 1),
        created_at=parse_utc(doc["created_at"], "created_at"),
        competition_uid=_str(comp["uid"], "competition.uid", pattern=_ID_RE),
        competition_name=_str(comp["name"], "competition.name", 1000),
        season=_int(comp["season"], "competition.season"),
        round_key=_str(rnd["key"], "round.key", pattern=_KEY_RE),
        round_name=_str(rnd["name"], "round.name", 200),
        blind=_bool(rnd["blind"], "round.blind"),
        live=_bool(rnd["live"], "round.live"),
        judge_code=_str(judge["code"], "judge.code", 40),
        judge_name=_str(judge["name"], "judge.name", 200),
        judge_public_key=unb64(judge["public_key"], 32, "judge.public_key"),
        judge_key=dict(doc["judge_key"]),
        organizer_key=unb64(doc["organizer_key"], 32, "organizer_key"),
        rubric_name=_str(rubric["name"], "rubric.name", 200),
        criteria=criteria,
        cases=cases,
        files=files,
    )


def _parse_criteria(raw_list: object) -> tuple[PackageCriterion, ...]:
    """The rubric's criteria: at least one, each key once."""
    criteria: list[PackageCriterion] = []
    for i, raw in enumerate(_list(raw_list, "criteria", 100)):
        c = _obj(raw, f"criteria[{i}]", {"description", "key", "max", "name", "step", "weight"})
        criteria.append(
            PackageCriterion(
                key=_str(c["key"], f"criteria[{i}].key", pattern=_KEY_RE),
                name=_str(c["name"], f"criteria[{i}].name", 200),
                description=_str(c["description"], f"criteria[{i}].description"),
                max=parse_decimal(c["max"], f"criteria[{i}].max"),
                step=parse_decimal(c["step"], f"criteria[{i}].step"),
                weight=parse_decimal(c["weight"], f"criteria[{i}].weight"),
            )
        )
    if not criteria or len({c.key for c in criteria}) != len(criteria):
        raise FormatError("rubric: no criteria, or a key twice")
    return tuple(criteria)


def _parse_files(raw_list: object) -> tuple[PackageFile, ...]:
    """The distinct case files: each hash once, each entry named after its hash and extension."""
    files: list[PackageFile] = []
    for i, raw in enumerate(_list(raw_list, "files")):
        f = _obj(raw, f"files[{i}]", {"crc32", "entry", "ext", "included", "sha256", "size"})
        pf = PackageFile(
            sha256=_str(f["sha256"], f"files[{i}].sha256", pattern=_SHA_RE),
            size=_int(f["size"], f"files[{i}].size"),
            crc32=_int(f["crc32"], f"files[{i}].crc32", 0, 0xFFFFFFFF),
            ext=_str(f["ext"], f"files[{i}].ext", pattern=_EXT_RE),
            entry=_str(f["entry"], f"files[{i}].entry", 200),
            included=_bool(f["included"], f"files[{i}].included"),
        )
        if pf.entry != f"files/{pf.sha256}.{pf.ext}":
            raise FormatError(f"files[{i}].entry does not match its hash and extension")
        files.append(pf)
    if len({f.sha256 for f in files}) != len(files):
        raise FormatError("files: a hash listed twice")
    return tuple(files)


def _parse_cases(raw_list: object, known: set[str]) -> tuple[PackageCase, ...]:
    """The cases as the judge sees them: each id once, each file a hash listed in ``known``."""
    cases: list[PackageCase] = []
    for i, raw in enumerate(_list(raw_list, "cases")):
        c = _obj(raw, f"cases[{i}]", {"code", "files", "hospital", "id", "theme", "title"})
        theme = c["theme"]
        if theme is not None:
            theme = _obj(theme, f"cases[{i}].theme", {"number", "title"})
        case_files = []
        for j, rf in enumerate(_list(c["files"], f"cases[{i}].files", 20)):
            cf = _obj(rf, f"cases[{i}].files[{j}]", {"kind", "sha256"})
            sha = _str(cf["sha256"], f"cases[{i}].files[{j}].sha256", pattern=_SHA_RE)
            if sha not in known:
                raise FormatError(f"cases[{i}].files[{j}]: hash not in files")
            case_files.append(PackageCaseFile(_str(cf["kind"], "kind", 20), sha))
        cases.append(
            PackageCase(
                id=_int(c["id"], f"cases[{i}].id", 1),
                code=_str(c["code"], f"cases[{i}].code", 64),
                title=_str(c["title"], f"cases[{i}].title", 1000),
                hospital=_str(c["hospital"], f"cases[{i}].hospital", 1000),
                theme_number=_int(theme["number"], "theme.number", 0, 1000) if theme else None,
                theme_title=_str(theme["title"], "theme.title", 1000) if theme else "",
                files=tuple(case_files),
            )
        )
    if len({c.id for c in cases}) != len(cases):
        raise FormatError("cases: a case listed twice")
    return tuple(cases)


# --- score bundle --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BundleCase:
    """One case's scores, comment and state as a judge exported them."""

    id: int
    state: str
    scores: dict[str, Decimal]
    comment: str
    recuse_reason: str
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class BundleDoc:
    """A score bundle's ``bundle.json``, checked field by field (not yet against any workspace)."""

    competition_uid: str
    round_key: str
    judge_code: str
    package_id: str
    package_sha256: str
    revision: int
    exported_at: datetime
    cases: tuple[BundleCase, ...]


_BUNDLE_FIELDS = {
    "cases",
    "competition",
    "exported_at",
    "format",
    "judge",
    "package_id",
    "package_sha256",
    "revision",
    "round",
    "version",
}


_CASE_FIELDS = frozenset({"comment", "id", "recuse_reason", "scores", "state", "updated_at"})
_MAX_ID = 2**53 - 1


def parse_bundle(data: bytes) -> BundleDoc:
    """Read ``bundle.json`` bytes; FormatError (→ ``malformed``) when anything is off."""
    doc = _obj(loads(data), "bundle", _BUNDLE_FIELDS)
    if doc["format"] != BUNDLE_FORMAT or doc["version"] != VERSION:
        raise FormatError(f"not a {BUNDLE_FORMAT} version {VERSION} bundle")
    cases: list[BundleCase] = []
    seen: set[int] = set()
    keys_ok: set[str] = set()
    values: dict[str, Decimal] = {}
    # The hot loop of a merge. Each check is written out and only a failing one calls its helper, which
    # raises with the field's path: the same checks in the same order, no per-case f-strings.
    for i, c in enumerate(_list(doc["cases"], "cases")):
        if not (isinstance(c, dict) and c.keys() == _CASE_FIELDS):
            _obj(c, f"cases[{i}]", set(_CASE_FIELDS))
        case_id = c["id"]
        if not (isinstance(case_id, int) and not isinstance(case_id, bool) and 1 <= case_id <= _MAX_ID):
            _int(case_id, f"cases[{i}].id", 1)
        if case_id in seen:
            raise FormatError(f"cases[{i}]: case {case_id} listed twice")
        seen.add(case_id)
        state = c["state"]
        if state not in STATES:
            raise FormatError(f"cases[{i}].state: unknown state {state!r}")
        raw_scores = c["scores"]
        if not isinstance(raw_scores, dict) or len(raw_scores) > 100:
            raise FormatError(f"cases[{i}].scores: not an object")
        scores: dict[str, Decimal] = {}
        for k, v in raw_scores.items():
            # a few keys and a few dozen values recur in every case: each is checked once per bundle
            d = values.get(v) if type(v) is str and k in keys_ok else None
            if d is None:
                if not (_KEY_RE.fullmatch(k) and isinstance(v, str) and DECIMAL_RE.fullmatch(v)):
                    raise FormatError(f"cases[{i}].scores.{k}: not a criterion key with a decimal string")
                keys_ok.add(k)
                d = values[v] = Decimal(v)
            scores[k] = d
        reason = c["recuse_reason"]
        if not (isinstance(reason, str) and len(reason) <= 10_000):
            _str(reason, f"cases[{i}].recuse_reason")
        if (state == "recused") != bool(reason) or (state == "recused" and scores):
            raise FormatError(
                f"cases[{i}]: a recused case has a reason and no scores, and only it has a reason"
            )
        comment = c["comment"]
        if state == "not_started" and (scores or comment):
            raise FormatError(f"cases[{i}]: a case not started has no scores and no comment")
        if not (isinstance(comment, str) and len(comment) <= 20_000):
            _str(comment, f"cases[{i}].comment", 20_000)
        updated = c["updated_at"]
        cases.append(
            BundleCase(
                id=case_id,
                state=state,
                scores=scores,
                comment=comment,
                recuse_reason=reason,
                updated_at=None if updated is None else parse_utc(updated, "updated_at"),
            )
        )
    return BundleDoc(
        competition_uid=_str(doc["competition"], "competition", pattern=_ID_RE),
        round_key=_str(doc["round"], "round", pattern=_KEY_RE),
        judge_code=_str(doc["judge"], "judge", 40),
        package_id=_str(doc["package_id"], "package_id", pattern=_ID_RE),
        package_sha256=_str(doc["package_sha256"], "package_sha256", pattern=_SHA_RE),
        revision=_int(doc["revision"], "revision", 1),
        exported_at=parse_utc(doc["exported_at"], "exported_at"),
        cases=tuple(cases),
    )
