# SPDX-License-Identifier: Apache-2.0
"""``leitai intake``, ``leitai screen`` and ``leitai hospitals``: import submissions, check every rule of
the notice, screen the cases (初筛), merge hospital spellings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import print_json
from app.errors import DomainError

_EPILOG_CHECK = """\
exit status: 0 every case is clean, 1 some case breaks a rule, 2 the source cannot be read.
The source is a folder (or a .zip of one) holding cases.csv or cases.xlsx and the files it names."""


def register(sub: Any) -> None:
    intake = sub.add_parser(
        "intake",
        help="check submitted cases against the rules, import them into a workspace",
        description="案例收件：检查提交的案例是否符合通知的每条要求，并导入工作区。",
    )
    isub = intake.add_subparsers(dest="intake_command", metavar="ACTION", required=True)

    check = isub.add_parser(
        "check",
        help="check a submission folder or zip without importing it",
        description="检查一个案例文件夹或 zip 压缩包（不导入）。",
        epilog=_EPILOG_CHECK,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("src", type=Path, help="folder or .zip with cases.csv / cases.xlsx and the files")
    check.add_argument("--season", type=int, required=True, help="season year whose rules apply (2020, 2022)")
    _add_check_options(check)
    check.set_defaults(func=_check)


def _add_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="KEY=HEADER",
        help="use the sheet column HEADER for KEY (e.g. --map pdf=附件); repeatable",
    )
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument(
        "--timeout", type=float, default=None, help="seconds one file may take before it is cut off"
    )


def _mapping(args: argparse.Namespace) -> dict[str, str] | None:
    if not args.map:
        return None
    from app.intake import COLUMNS

    mapping: dict[str, str] = {}
    keys = {c.key for c in COLUMNS}
    for item in args.map:
        key, sep, header = item.partition("=")
        if not sep or key not in keys:
            raise DomainError(
                "bad_argument", f"--map 的格式应为 列代码=表头，列代码为：{'、'.join(sorted(keys))}。"
            )
        mapping[key] = header
    return mapping


def _options(args: argparse.Namespace) -> Any:
    from app.intake import CheckOptions

    if args.timeout is not None and args.timeout <= 0:
        raise DomainError("bad_argument", "--timeout 必须大于 0。")
    if args.timeout is None:
        return CheckOptions(workers=args.workers)
    return CheckOptions(workers=args.workers, pdf_timeout=args.timeout, video_timeout=args.timeout)


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    def show(p: Any) -> None:
        label = "检查文件" if p.phase == "check" else "导入案例"
        print(f"\r{label} {p.done}/{p.total}", end="", file=sys.stderr, flush=True)
        if p.done == p.total:
            print(file=sys.stderr)

    return show


def _merged_mapping(src: Path, partial: dict[str, str] | None) -> dict[str, str] | None:
    """Headers the user mapped by hand, on top of the ones recognised by name."""
    if partial is None:
        return None
    from app.intake import guess_mapping, open_source, read_headers

    with open_source(src) as source:
        mapping = guess_mapping(read_headers(source.sheet))
    mapping.update(partial)
    return mapping


def _check(args: argparse.Namespace) -> int:
    from app.intake import check_source
    from app.seasons import load_season

    rules = load_season(args.season)
    report = check_source(
        args.src,
        rules,
        mapping=_merged_mapping(args.src, _mapping(args)),
        options=_options(args),
        progress=_progress(args),
    )
    if args.json:
        print_json(report.to_json())
    else:
        _print_report(report)
    return 0 if report.clean else 1


def _print_report(report: Any) -> None:
    for problem in report.problems:
        print(f"! {problem.message}")
    for case in report.cases:
        if not case.findings:
            continue
        where = f"{case.resolved.region or '?'}·主题{case.resolved.theme or '?'}"
        print(f"{case.case_id}  {case.fields.hospital}（{where}）")
        for f in case.violations:
            print(f"  ✗ [{f.code}] {f.message}")
        for f in case.warnings:
            print(f"  · [{f.code}] {f.message}")
    s = report.summary()
    by_code = "，".join(f"{k} {v}" for k, v in s["by_code"].items()) or "无"
    print(f"共 {s['cases']} 个案例，合格 {s['clean']} 个；问题：{by_code}")
