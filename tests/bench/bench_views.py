"""The timeline's and the citation graph's queries on a big library, against a plain scan.

    python tests/bench/bench_views.py --library /tmp/cable-scale/library.sqlite3

Prints, best of ``--rounds`` each: the timeline's grouped count for the whole library
and under the filters a reader uses (a level, an origin, a date range, a search), next
to a plain ``count(*)`` over the same table (the floor); then the citation graph
(two hops) around the cables with the most neighbours, with its node count. Targets:
timeline under 150 ms, graph under 200 ms for a cable with 50 neighbours. Build the
library with ``tests/bench/bench_library_scale.py``. A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.library.citations import citation_graph  # noqa: E402
from reader.library.library import Library  # noqa: E402
from reader.library.query import ListQuery  # noqa: E402
from reader.parse.release_index import release_ids  # noqa: E402


def _best(rounds: int, work) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - start)
    return min(timings), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--graphs", type=int, default=10, help="how many of the best-connected cables to graph")
    args = parser.parse_args()
    library = Library(args.library)
    print(f"library: {args.library} ({library.count():,} cables)")

    floor, total = _best(args.rounds, lambda: library._db.execute("SELECT count(*) FROM cables").fetchone()[0])
    print(f"  floor, count(*) of {total:,} rows        : {floor * 1000:7.1f} ms")
    queries = {
        "timeline, everything": ListQuery(),
        "timeline, SECRET only": ListQuery(levels=frozenset({"SECRET"})),
        "timeline, origin Embassy Paris": ListQuery(origin="Embassy Paris"),
        "timeline, 2008": ListQuery(date_from=datetime(2008, 1, 1, tzinfo=UTC), date_to=datetime(2009, 1, 1, tzinfo=UTC)),
        "timeline, search 'nuclear'": ListQuery(search="nuclear"),
    }
    for name, query in queries.items():
        elapsed, counts = _best(args.rounds, lambda q=query: library.month_counts(q))
        cables = sum(sum(levels.values()) for levels in counts.values())
        print(f"  {name:<34}: {elapsed * 1000:7.1f} ms  ({len(counts)} months, {cables:,} cables)")

    release = release_ids()
    busiest = library._db.execute(
        "SELECT cited, count(*) FROM refs GROUP BY cited ORDER BY count(*) DESC LIMIT ?", (args.graphs,)
    ).fetchall()
    timings = []
    for refid, citing in busiest:
        elapsed, graph = _best(args.rounds, lambda r=refid: citation_graph(library, r, 2, lambda x: x in release))
        neighbours = sum(1 for node in graph.nodes.values() if node.distance == 1)
        timings.append(elapsed)
        print(
            f"  graph of {refid:<20}: {elapsed * 1000:7.1f} ms  ({neighbours} neighbours, {len(graph.nodes)} nodes,"
            f" {len(graph.edges)} edges; cited by {citing})"
        )
    if timings:
        print(f"  graph, median of {len(timings)}: {statistics.median(timings) * 1000:.1f} ms, slowest {max(timings) * 1000:.1f} ms")
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
