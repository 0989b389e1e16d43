# SPDX-License-Identifier: Apache-2.0
"""The merge's SQL, built from the ORM's tables with SQLAlchemy Core and compiled once per merge.

A merge is the hot path of a live event (bench/bundles.py), so it runs on the workspace's plain
``sqlite3`` connection with ``executemany``, no SQL layer per row. What it runs is still SQLAlchemy's:
each statement is a Core ``select()``/``insert()``/``update()``/``delete()`` of the models' ``Table``
objects, compiled for the workspace's dialect, and every value goes through its column type's own bind
processing (timestamps stored exactly as the ORM stores them, JSON as the ORM serialises it).

So a migration cannot silently break a merge: a column renamed in the model is written under its new
name, a column added with a default gets that default, and a column the merge cannot fill (no value, no
default, NOT NULL) or a type whose conversion the merge does not make raises :class:`MergeSchemaError`
when the statements are built, before anything is written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    Dialect,
    Insert,
    MetaData,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement, ColumnElement

from app.models import Base

#: The model the merge writes; a test swaps in a changed one to show that the merge follows it.
MODEL: MetaData = Base.metadata

Row = tuple[Any, ...]
Convert = Callable[[Any], Any]


class MergeSchemaError(RuntimeError):
    """The model changed in a way the merge does not handle: a developer's error, raised before any write."""


def _identity(value: Any) -> Any:
    return value


def to_db(column: Column[Any], dialect: Dialect) -> Convert:
    """How ``column``'s type turns a Python value into what the database stores (SQLAlchemy's own)."""
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process or _identity


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def _default(column: Column[Any], dialect: Dialect) -> Callable[[], Any]:
    """A column's Python-side default as the database stores it, computed once per row like the ORM's."""
    default = column.default
    process = to_db(column, dialect)
    if default is None or not (default.is_scalar or default.is_callable):
        raise MergeSchemaError(f"the merge gives no value to {column.table.name}.{column.name}")
    if default.is_scalar:
        return _constant(process(default.arg))  # type: ignore[attr-defined]
    make: Callable[[Any], Any] = default.arg  # type: ignore[attr-defined]
    return lambda: process(make(None))  # SQLAlchemy wraps a no-argument default to take a context


class Statement:
    """One Core statement compiled for ``sqlite3``, taking rows whose values come in ``given`` order.

    ``converted`` names the values the caller already passes as the database stores them (made with
    :func:`to_db`, once per distinct value, on the bulk paths); every other value is converted here, row by
    row. When neither a default nor a conversion is left to add, rows go to ``executemany`` untouched.
    """

    __slots__ = ("_build", "sql")

    def __init__(
        self,
        stmt: ClauseElement,
        dialect: Dialect,
        given: Sequence[str],
        *,
        writes: Sequence[str] = (),
        converted: Iterable[str] = (),
    ) -> None:
        compiled = stmt.compile(dialect=dialect, column_keys=list(writes) if writes else None)
        assert isinstance(compiled, SQLCompiler)
        self.sql: str = compiled.string
        order = list(compiled.positiontup or ())
        if set(given) - set(order):
            raise MergeSchemaError(f"{self.sql!r} no longer takes {sorted(set(given) - set(order))}")
        prefetch = {c.key: c for c in (*compiled.insert_prefetch, *compiled.update_prefetch)}
        done = set(converted)
        parts: list[tuple[int, Convert] | Callable[[], Any]] = []
        for name in order:
            bind = compiled.binds[name]
            process = bind.type.dialect_impl(dialect).bind_processor(dialect) or _identity
            if name in given:
                parts.append((given.index(name), _identity if name in done else process))
            elif name in prefetch:
                parts.append(_default(prefetch[name], dialect))
            elif bind.value is not None:  # a constant of the statement itself, e.g. outcome = 'merged'
                parts.append(_constant(process(bind.value)))
            else:
                raise MergeSchemaError(f"{self.sql!r} needs {name!r}, which the merge does not give")
        if order == list(given) and all(isinstance(p, tuple) and p[1] is _identity for p in parts):
            self._build: Callable[[Row], Row] | None = None
        else:
            self._build = _builder(parts)

    def rows(self, rows: Sequence[Row]) -> Sequence[Row]:
        """The rows as ``executemany`` takes them: in the statement's order, defaults added, converted."""
        build = self._build
        return rows if build is None else [build(r) for r in rows]

    def run(self, db: sqlite3.Connection, *values: Any) -> sqlite3.Cursor:
        return db.execute(self.sql, self.rows([values])[0])

    def many(self, db: sqlite3.Connection, rows: Sequence[Row]) -> None:
        if rows:
            db.executemany(self.sql, self.rows(rows))


def _builder(parts: list[tuple[int, Convert] | Callable[[], Any]]) -> Callable[[Row], Row]:
    def build(row: Row) -> Row:
        return tuple(p[1](row[p[0]]) if isinstance(p, tuple) else p() for p in parts)

    return build


def _check_insert(table: Table, writes: Sequence[str]) -> None:
    """Refuse a table with a NOT NULL column that the merge leaves to nothing (the database would refuse
    the row half-way through a merge, or a nullable database column would silently stay NULL)."""
    for column in table.columns:
        if column.key in writes or column.nullable or column.default is not None:
            continue
        if column.server_default is not None or (
            column.primary_key and column.autoincrement in (True, "auto")
        ):
            continue
        raise MergeSchemaError(
            f"the merge gives no value to {table.name}.{column.name} (NOT NULL, no default)"
        )


class MergeSql:
    """Every statement a merge runs, built from ``MODEL``'s tables for the workspace's dialect.

    Reads return rows as stored; writes take rows in the order their ``given`` names say.
    """

    def __init__(self, dialect: Dialect, model: MetaData | None = None) -> None:
        self._dialect = dialect
        tables = (model or MODEL).tables
        self._build_reads(tables)
        self._build_writes(tables)
        score, asg = tables["score"], tables["assignment"]
        #: conversions the merge makes itself, on values it also compares with what is stored
        self.score_value = to_db(score.c.value, dialect)
        self.recused = to_db(asg.c.recused, dialect)
        self.submitted_at = to_db(asg.c.submitted_at, dialect)

    def _read(self, stmt: ClauseElement, *given: str) -> Statement:
        """A select or a delete: its parameters are the ``given`` bind names."""
        return Statement(stmt, self._dialect, given)

    def _write(
        self, stmt: ClauseElement, table: Table, *given: str, where: Sequence[str] = (), **kw: Any
    ) -> Statement:
        """An insert or update of ``given`` columns (by key); ``where`` names the binds that are not."""
        writes = [g for g in given if g not in where]
        if isinstance(stmt, Insert):
            _check_insert(table, writes)
        return Statement(stmt, self._dialect, given, writes=writes, **kw)

    def _build_reads(self, t: Mapping[str, Table]) -> None:
        """What a merge reads: judge, package, round, assignments, rubric, and what is already merged."""
        judge, pkg, rnd, asg, crit = (
            t["judge"],
            t["issued_package"],
            t["round"],
            t["assignment"],
            t["criterion"],
        )
        bundle, content = t["imported_bundle"], t["bundle_content"]
        p, read = bindparam, self._read
        self.judge_id = read(select(judge.c.id).where(judge.c.code == p("code")), "code")
        self.package = read(
            select(
                pkg.c.judge_id, pkg.c.round_id, pkg.c.serial, pkg.c.public_key, pkg.c.manifest_sha256
            ).where(pkg.c.package_id == p("package_id")),
            "package_id",
        )
        self.package_keys = read(select(pkg.c.package_id, pkg.c.public_key))
        self.round = read(select(rnd.c.key, rnd.c.rubric_id).where(rnd.c.id == p("round_id")), "round_id")
        #: (case id, assignment id, comment, recused, reason, submitted_at) as stored now
        self.assignments = read(
            select(
                asg.c.case_id, asg.c.id, asg.c.comment, asg.c.recused, asg.c.recuse_reason, asg.c.submitted_at
            ).where(_of_judge_in_round(asg)),
            "round_id",
            "judge_id",
        )
        self.criteria = read(
            select(
                crit.c.id, crit.c.key, crit.c.name, crit.c.description, crit.c.max, crit.c.step, crit.c.weight
            ).where(crit.c.rubric_id == p("rubric_id")),
            "rubric_id",
        )
        self.newest_serial = read(
            select(func.max(pkg.c.serial)).where(
                pkg.c.judge_id == p("judge_id"), pkg.c.round_id == p("round_id")
            ),
            "judge_id",
            "round_id",
        )
        self.merged = read(
            select(bundle.c.sha256, content.c.serial, bundle.c.revision)
            .join(content, content.c.imported_bundle_id == bundle.c.id)
            .where(
                bundle.c.judge_id == p("judge_id"),
                bundle.c.round_id == p("round_id"),
                bundle.c.outcome == "merged",
            ),
            "judge_id",
            "round_id",
        )

    def _build_writes(self, t: Mapping[str, Table]) -> None:
        """What a merge writes: the bundle and its content, scores, assignments, the audit line."""
        asg, score, bundle, content, audit = (
            t["assignment"],
            t["score"],
            t["imported_bundle"],
            t["bundle_content"],
            t["audit_event"],
        )
        p, read, write = bindparam, self._read, self._write
        self.insert_bundle = write(
            insert(bundle),
            bundle,
            "judge_id", "round_id", "package_id", "revision", "sha256", "file_name", "outcome", "reason",
            "received_at",
        )  # fmt: skip
        self.insert_content = write(insert(content), content, "imported_bundle_id", "serial", "data")
        score_row = ("assignment_id", "criterion_id", "value", "bundle_id")
        #: score values come converted by the merge's checks, once per distinct value (the hot loop)
        self.insert_scores = write(insert(score), score, *score_row, converted=("value",))
        upsert = sqlite_insert(score)
        upsert = upsert.on_conflict_do_update(
            index_elements=[score.c.assignment_id, score.c.criterion_id],
            set_={"value": upsert.excluded.value, "bundle_id": upsert.excluded.bundle_id},
        )
        self.upsert_scores = write(upsert, score, *score_row, converted=("value",))
        of_judge = score.c.assignment_id.in_(select(asg.c.id).where(_of_judge_in_round(asg)))
        #: the scores of every assignment of a judge in a round
        self.delete_scores = read(delete(score).where(of_judge), "round_id", "judge_id")
        #: ... but those of one bundle
        self.delete_other_scores = read(
            delete(score).where(of_judge, score.c.bundle_id.is_distinct_from(p("bundle_id"))),
            "round_id",
            "judge_id",
            "bundle_id",
        )
        self.update_assignments = write(
            update(asg).where(asg.c.id == p("assignment_id")),
            asg,
            "comment", "recused", "recuse_reason", "submitted_at", "assignment_id",
            where=("assignment_id",),
            converted=("recused", "submitted_at"),
        )  # fmt: skip
        self.insert_audit = write(insert(audit), audit, "at", "actor", "action", "target", "detail")


def _of_judge_in_round(asg: Table) -> ColumnElement[bool]:
    """The assignments of one judge (bind ``judge_id``) in one round (bind ``round_id``)."""
    return (asg.c.round_id == bindparam("round_id")) & (asg.c.judge_id == bindparam("judge_id"))
