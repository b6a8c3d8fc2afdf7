"""The citation graph around one cable: what it cites, what cites it, and so on for two hops.

Built from the store's reference index (no cable is unpacked): the library's refs
table, or the loaded cables in memory. A cited id that is not loaded is a node too,
marked "not in the library", or "not in the release" when the 251,287 ids of the
release do not hold it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reader.library.store import CableStore
from reader.model.json_codec import format_utc

LOADED, NOT_LOADED, NOT_IN_RELEASE = "loaded", "not-loaded", "not-in-release"
MAX_NODES = 160
"""More would not be readable in one view; the graph says when it left some out."""


@dataclass(frozen=True)
class Node:
    reference_id: str
    distance: int
    state: str
    """``loaded``, ``not-loaded`` (in the release, not in this library) or ``not-in-release``."""
    key: int | None = None
    created: datetime | None = None
    classification: str | None = None
    subject: str | None = None


@dataclass(frozen=True)
class Edge:
    citing: str
    cited: str


@dataclass
class CitationGraph:
    centre: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False
    """More cables were within reach than MAX_NODES."""

    def to_json(self) -> dict[str, Any]:
        return {
            "centre": self.centre,
            "truncated": self.truncated,
            "nodes": [
                {
                    "reference_id": n.reference_id,
                    "distance": n.distance,
                    "state": n.state,
                    "created": format_utc(n.created),
                    "classification": n.classification,
                    "subject": n.subject,
                }
                for n in self.nodes.values()
            ],
            "edges": [{"from": e.citing, "to": e.cited} for e in self.edges],
        }


def citation_graph(
    store: CableStore,
    reference_id: str,
    depth: int = 2,
    in_release: Callable[[str], bool | None] = lambda _ref: None,
    max_nodes: int = MAX_NODES,
) -> CitationGraph:
    """The cables within ``depth`` citations of ``reference_id``, either way."""
    graph = CitationGraph(reference_id)
    keys: dict[str, int | None] = {reference_id: store.key_of_reference(reference_id)}
    distance = {reference_id: 0}
    edges: set[tuple[str, str]] = set()
    frontier = [reference_id]
    for hop in range(1, depth + 1):
        found: list[str] = []
        for refid in frontier:
            key = keys[refid]
            neighbours = [(refid, cited) for cited in (store.cites(key) if key is not None else [])]
            neighbours += [(summary.reference_id, refid) for summary in store.cited_by(refid) if summary.reference_id]
            for citing, cited in neighbours:
                if citing == cited:
                    continue
                edges.add((citing, cited))
                other = cited if citing == refid else citing
                if other not in distance:
                    if len(distance) >= max_nodes:
                        graph.truncated = True
                        continue
                    distance[other] = hop
                    keys[other] = store.key_of_reference(other)
                    found.append(other)
        frontier = found
    summaries = store.summaries([k for k in keys.values() if k is not None])
    for refid, hops in distance.items():
        key = keys[refid]
        summary = summaries.get(key) if key is not None else None
        if summary is not None:
            graph.nodes[refid] = Node(refid, hops, LOADED, key, summary.created, summary.classification, summary.subject)
        else:
            state = NOT_IN_RELEASE if in_release(refid) is False else NOT_LOADED
            graph.nodes[refid] = Node(refid, hops, state)
    graph.edges = [Edge(a, b) for a, b in sorted(edges) if a in graph.nodes and b in graph.nodes]
    return graph
