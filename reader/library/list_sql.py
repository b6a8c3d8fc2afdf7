"""The SQL of the list's queries: filters as conditions on indexes, search, order.

Pure functions from a ``ListQuery`` to SQL text and parameters, so that what the library
runs and what the query-plan tests examine is one thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.findings import ANY
from reader.library.fts import parse_search
from reader.library.query import ListQuery
from reader.library.schema import FILTER_TEXT
from reader.library.tag_filter import tag_forms
from reader.model import LEVELS

SORT_SQL = {
    "reference": "c.sort_ref",
    "created": "c.created",
    "origin": "c.origin COLLATE NOCASE",
    "classification": "c.level",
    "subject": "c.subject COLLATE NOCASE",
}


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class Condition:
    """One filter's condition on ``cables c``, with its parameters and what it reads."""

    sql: str
    params: tuple[object, ...] = ()
    reads: str = "table"
    """"ids": the ids come from another index (labels, trigrams, findings, refs); "narrow": it reads
    only what the (id, created, level) index holds; "table": it needs the table's row."""


def conditions(query: ListQuery) -> list[Condition]:
    """The conditions of a list query's filters."""
    found: list[Condition] = []
    for word in query.text.lower().split():
        if len(word) >= 3:
            # A quoted phrase of the trigram index is a substring match that its positions
            # decide alone; LIKE would check every candidate against the table's text.
            phrase = '"' + word.replace('"', '""') + '"'
            found.append(Condition("c.id IN (SELECT rowid FROM filter_index WHERE filter_index MATCH ?)", (phrase,), "ids"))
        else:
            found.append(Condition(f"{FILTER_TEXT.format(t='c.')} LIKE ? ESCAPE '\\'", (_like(word),)))
    if query.levels is not None:
        ranks = tuple(LEVELS.index(level) for level in query.levels if level in LEVELS)
        clauses = [f"c.level IN ({','.join('?' * len(ranks))})"] if ranks else []
        if None in query.levels:
            clauses.append("c.level = -1")
        found.append(Condition("(" + (" OR ".join(clauses) or "0") + ")", ranks, "narrow"))
    for control in query.controls:
        found.append(Condition("c.id IN (SELECT cable_id FROM labels WHERE term = ?)", (f"control:{control.upper()}",), "ids"))
    if query.origin:
        found.append(Condition("c.origin = ? COLLATE NOCASE", (query.origin,)))
    if query.tag:
        forms = tag_forms(query.tag)
        found.append(
            Condition(
                f"c.id IN (SELECT cable_id FROM labels WHERE term IN ({','.join('?' * len(forms))}))",
                tuple(f"tag:{form}" for form in forms),
                "ids",
            )
        )
    if query.audit == ANY:
        found.append(Condition("c.id IN (SELECT cable_id FROM findings)", (), "ids"))
    elif query.audit:
        found.append(Condition("c.id IN (SELECT cable_id FROM findings WHERE code = ?)", (query.audit,), "ids"))
    if query.date_from:
        found.append(Condition("c.created >= ?", (query.date_from.timestamp(),), "narrow"))
    if query.date_to:
        found.append(Condition("c.created < ?", (query.date_to.timestamp(),), "narrow"))
    if query.cites:
        found.append(Condition("c.id IN (SELECT cable_id FROM refs WHERE cited = ?)", (query.cites,), "ids"))
    return found


def _joined(found: list[Condition]) -> tuple[list[str], list[object]]:
    return [c.sql for c in found], [param for c in found for param in c.params]


def _narrow_index(found: list[Condition], query: ListQuery) -> str:
    """``INDEXED BY cables_narrow`` when the rows come from another index (labels, the filter box's
    trigrams, search hits...) and are sorted by date, with at most level and date filters besides.

    Each found id is then looked up in a small index of (id, created, level) instead of the
    table: on a cold disk, 36,000 ids of NOFORN cables take 0.1 s that way, 1.4 s through the
    table's pages. SQLite's planner does not choose this by itself.

    Levels, and dates besides, sorted otherwise: ``INDEXED BY cables_level_created``. With the
    statistics of a SQLite built with STAT4 (``sqlite.py``), the planner read the whole table for
    two levels of a small library where most cables hold one of them."""
    if query.sort != "created":
        if query.levels is not None and not query.search and all(c.reads == "narrow" for c in found):
            return " INDEXED BY cables_level_created"
        return ""
    return _narrow_fits(found, bool(query.search))


def _narrow_fits(found: list[Condition], searched: bool) -> str:
    """``INDEXED BY cables_narrow`` when the rows come from another index and the conditions
    read nothing but the (id, created, level) index: see ``_narrow_index``."""
    by_id = any(c.reads == "ids" for c in found)
    if (by_id or searched) and all(c.reads in ("ids", "narrow") for c in found):
        return " INDEXED BY cables_narrow"
    return ""


_MONTH = "strftime('%Y-%m', c.created, 'unixepoch')"


def month_counts_sql(query: ListQuery) -> tuple[str, list[object]] | None:
    """The grouped SELECT of (month, level, count) for a filtered or searched query; None for
    the whole library, which ``Library.month_counts`` counts by index ranges instead.

    A search's hits come from the full-text index and then need only their date and level:
    read from the small (id, created, level) index, as the list does. Through the table's rows,
    the planner's choice, a first search for "nuclear" on the cold release took 1.4 s, not 0.14 s.
    (For a label's rows the planner picks that index by itself.)"""
    found = conditions(query)
    where, params = _joined(found)
    terms = parse_search(query.search)
    if not where and not terms.match:
        return None
    if terms.match:
        cables = "cables c" + _narrow_fits(found, searched=True)
        sql = f"SELECT {_MONTH}, c.level, count(*) FROM search JOIN {cables} ON c.id = search.rowid WHERE search MATCH ?"
        params = [terms.match, *params]
        sql += "".join(f" AND {clause}" for clause in where)
    else:
        sql = f"SELECT {_MONTH}, c.level, count(*) FROM cables c WHERE " + " AND ".join(where)
    return sql + " GROUP BY 1, 2", params


def _one_label(query: ListQuery) -> str | None:
    """The label term when a query is one control or one tag and nothing else, newest first."""
    if query.sort != "created" or not query.descending or query.search or query.text.strip():
        return None
    if any((query.levels is not None, query.origin, query.date_from, query.date_to, query.audit, query.cites)):
        return None
    if len(query.controls) == 1 and not query.tag:
        return f"control:{query.controls[0].upper()}"
    if query.tag and not query.controls and len(forms := tag_forms(query.tag)) == 1:
        return f"tag:{forms[0]}"
    return None


RANK = "bm25(search, 1.0, 4.0)"
"""A hit's rank: bm25 over the body and the subject (the index's columns in that order), a word
in the subject weighing four times one in the body."""


def list_query_sql(query: ListQuery, limit: int | None = None) -> tuple[str, list[object]]:
    """The SELECT of the keys a list query asks for, in its order, and its parameters."""
    term = _one_label(query)
    if term is not None:
        # The commonest filter of all (NOFORN, a tag): its label's index holds the order.
        sql = "SELECT cable_id FROM labels WHERE term = ? ORDER BY created DESC, cable_id DESC"
        return sql + (f" LIMIT {int(limit)}" if limit is not None else ""), [term]
    found = conditions(query)
    where, params = _joined(found)
    terms = parse_search(query.search)
    direction = "DESC" if query.descending else "ASC"
    if terms.match and not where and (query.sort == "rank" or query.sort not in SORT_SQL):
        # The common case, searched on the index alone: no join until the hits are known.
        sql = f"SELECT rowid FROM search WHERE search MATCH ? ORDER BY {RANK}, rowid"
        params = [terms.match]
    elif terms.match:
        cables = "cables c" + _narrow_index(found, query)
        sql = f"SELECT c.id FROM search JOIN {cables} ON c.id = search.rowid WHERE search MATCH ?"
        params = [terms.match, *params]
        sql += "".join(f" AND {clause}" for clause in where)
        if query.sort == "rank" or query.sort not in SORT_SQL:
            sql += f" ORDER BY {RANK}, c.id"
        else:
            sql += f" ORDER BY {SORT_SQL[query.sort]} {direction} NULLS LAST, c.id"
    else:
        cables = "cables c" + _narrow_index(found, query)
        sql = f"SELECT c.id FROM {cables}" + (" WHERE " + " AND ".join(where) if where else "")
        order = SORT_SQL.get(query.sort, "c.created")
        # Filtered and sorted by anything but the date, the rows are found through the filter's
        # index and then sorted: walking the whole sort index (the planner's choice for a filter
        # it guesses broad) reads every row. By date, the filters' indexes hold the order.
        # (Several levels are several ranges of the (level, created) index: found, then sorted.)
        several_levels = query.levels is not None and len(query.levels) > 1
        order = "+" + order if where and (order != "c.created" or several_levels) else order
        sql += f" ORDER BY {order} {direction} NULLS LAST, c.id {direction}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql, params
