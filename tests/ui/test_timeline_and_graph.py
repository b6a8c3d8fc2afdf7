"""The timeline strip and the Graph tab, on real cables, in the window."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from reader.library.citations import LOADED, NOT_IN_RELEASE, NOT_LOADED, CitationGraph, Edge, Node
from reader.library.sqlite import sqlite3
from reader.ui.graph_view import NODE_HEIGHT, NODE_WIDTH, layout_positions
from reader.ui.main_window import MainWindow
from reader.ui.timeline import month_index
from tests.conftest import SEED, corpus_file


def press(widget, x: float, kind, button=Qt.MouseButton.LeftButton) -> None:
    point = QPointF(x, widget.height() / 2)
    event = QMouseEvent(kind, point, widget.mapToGlobal(point), button, button, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_the_timeline_counts_what_the_list_holds(qtbot, make_library_window, load, tmp_path, apply_filters) -> None:
    window = make_library_window()
    load(window, [corpus_file("html/09STATE30049.html").parent])  # the April 2011 pages
    counts = window.list_pane.timeline.counts
    connection = sqlite3.connect(tmp_path / "library.sqlite3")
    expected = dict(
        connection.execute(
            "SELECT strftime('%Y-%m', created, 'unixepoch'), count(*) FROM cables WHERE created IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    assert {f"{y}-{m:02d}": sum(levels.values()) for (y, m), levels in counts.items()} == expected
    secret_2009 = connection.execute(
        "SELECT count(*) FROM cables WHERE level = 2 AND strftime('%Y', created, 'unixepoch') = '2009'"
    ).fetchone()[0]
    assert sum(levels.get("SECRET", 0) for (y, _m), levels in counts.items() if y == 2009) == secret_2009
    window.list_pane.filter_box.setText("origin:\"Embassy Paris\"")
    apply_filters(window)
    paris = window.list_pane.timeline.counts
    assert 0 < sum(sum(v.values()) for v in paris.values()) < sum(sum(v.values()) for v in counts.values())


def test_dragging_across_the_timeline_filters_the_list(qtbot, window: MainWindow, load) -> None:
    load(window, [corpus_file("html/09STATE30049.html").parent])
    timeline = window.list_pane.timeline
    timeline.resize(1200, 72)
    first = timeline.x_of(month_index((2009, 1))) + 1
    last = timeline.x_of(month_index((2009, 3))) + 1
    press(timeline, first, QMouseEvent.Type.MouseButtonPress)
    press(timeline, last, QMouseEvent.Type.MouseMove, Qt.MouseButton.NoButton)
    assert timeline.toolTip().startswith("2009-03: ")  # what hovering the month shows
    press(timeline, last, QMouseEvent.Type.MouseButtonRelease)
    assert "from:2009-01" in window.list_pane.filter_box.text() and "to:2009-04" in window.list_pane.filter_box.text()
    query = window.list_model.query
    assert (query.date_from, query.date_to) == (datetime(2009, 1, 1, tzinfo=UTC), datetime(2009, 4, 1, tzinfo=UTC))
    shown = [window.list_model.cable_at(r) for r in range(window.list_model.rowCount())]
    assert shown and all(c.created and datetime(2009, 1, 1, tzinfo=UTC) <= c.created < datetime(2009, 4, 1, tzinfo=UTC) for c in shown)
    timeline.choose(month_index((2008, 6)), month_index((2008, 6)))  # a click on one month
    assert "from:2008-06 to:2008-07" in window.list_pane.filter_box.text()
    assert window.list_pane.filter_box.text().count("from:") == 1


def test_the_graph_shows_citing_and_cited_cables(qtbot, make_library_window, load) -> None:
    window = make_library_window()
    load(window, [corpus_file("html/09CAIRO2404.html"), corpus_file("html/09CAIRO2348.html"), SEED])
    window.select_reference("09CAIRO2404")
    pane = window.reading_pane
    pane.setCurrentWidget(pane.graph)
    QApplication.processEvents()
    graph = pane.graph.view.graph
    assert graph is not None and graph.centre == "09CAIRO2404"
    states = {refid: node.state for refid, node in graph.nodes.items()}
    assert states["09CAIRO2348"] == LOADED  # cited, and loaded
    assert states["09STATE55370"] == NOT_IN_RELEASE  # cited, but the release does not hold it
    assert states["09CAIRO2361"] == NOT_LOADED
    assert {(e.citing, e.cited) for e in graph.edges} >= {("09CAIRO2404", "09CAIRO2348"), ("09CAIRO2348", "09CAIRO1176")}
    boxes = [item.sceneBoundingRect() for item in pane.graph.view.items.values()]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])  # no overlap
    pane.graph.view.node_clicked.emit("09CAIRO2348")
    assert window.current_cable().reference_id == "09CAIRO2348"
    assert pane.graph.view.graph.centre == "09CAIRO2404"  # a click selects, the graph stays
    pane.graph.view.node_double_clicked.emit("09CAIRO2348")
    QApplication.processEvents()
    assert pane.graph.view.graph.centre == "09CAIRO2348"  # a double-click re-centres
    assert "09CAIRO2404" in pane.graph.view.graph.nodes  # now as the cable citing it


def test_the_graph_of_a_cable_without_citations(window: MainWindow, load) -> None:
    load(window, [SEED])
    window.select_reference("06ALMATY2872")
    window.reading_pane.setCurrentWidget(window.reading_pane.graph)
    QApplication.processEvents()
    graph = window.reading_pane.graph.view.graph
    assert set(graph.nodes) == {"06ALMATY2872", "06ALMATY2549", "06STATE126156"}
    assert "cites 2 and is cited by 0" in window.reading_pane.graph.summary.text()


def test_farther_cables_stand_by_the_cable_that_links_them_in(qtbot, make_library_window, load) -> None:
    """09TRIPOLI763 cites 09TRIPOLI714 and 09BERN387; what 714 cites stands by 714, not across the centre."""
    window = make_library_window()
    load(window, [corpus_file("html/09TRIPOLI763.html"), corpus_file("html/09TRIPOLI714.html")])
    window.select_reference("09TRIPOLI763")
    window.reading_pane.setCurrentWidget(window.reading_pane.graph)
    QApplication.processEvents()
    graph = window.reading_pane.graph.view.graph
    positions = layout_positions(graph)
    second_hop = [refid for refid, node in graph.nodes.items() if node.distance == 2]
    assert len(second_hop) >= 3
    for refid in second_hop:
        here = positions[refid]
        to_parent = (here - positions["09TRIPOLI714"]).manhattanLength()
        assert to_parent < (here - positions["09BERN387"]).manhattanLength()
        assert to_parent < (here - positions["09TRIPOLI763"]).manhattanLength()


@pytest.mark.parametrize("children", [3, 12, 40])
def test_a_crowded_second_ring_never_overlaps(children: int) -> None:
    graph = CitationGraph(centre="C")
    graph.nodes["C"] = Node("C", 0, LOADED)
    for parent in ("P1", "P2"):
        graph.nodes[parent] = Node(parent, 1, LOADED)
        graph.edges.append(Edge("C", parent))
    for number in range(children):
        refid = f"K{number}"
        graph.nodes[refid] = Node(refid, 2, NOT_LOADED)
        graph.edges.append(Edge("P1" if number % 3 else "P2", refid))
    positions = layout_positions(graph)
    boxes = [QRectF(p.x() - NODE_WIDTH / 2, p.y() - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT) for p in positions.values()]
    assert len(boxes) == children + 3
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_the_last_year_gets_no_half_label_at_the_edge(qtbot) -> None:
    """The release ends in February 2010: "2010" would begin two months from the right edge."""
    from PySide6.QtGui import QFontMetrics

    from reader.ui.timeline import TimelineStrip

    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.resize(1400, 60)
    strip.set_counts({(1966, 12): {"SECRET": 1}, (2009, 6): {"CONFIDENTIAL": 40}, (2010, 2): {"UNCLASSIFIED": 9}})
    metrics = QFontMetrics(strip.font())
    labels = strip.year_labels(strip._bars(), metrics)
    assert labels and all(x + metrics.horizontalAdvance(text) <= strip.width() for x, text in labels)
    assert "2010" not in [text for _x, text in labels] and labels[0][1] == "1966"
    strip.set_counts({(1966, 12): {"SECRET": 1}, (2010, 12): {"UNCLASSIFIED": 9}})  # a whole year of 2010: room
    assert [text for _x, text in strip.year_labels(strip._bars(), metrics)][-1] == "2010"
    # Bars that begin in October 1994: "1994" at the left edge would run into "1995", so it is left out.
    strip.set_counts({(1994, 10): {"SECRET": 1}, (2010, 2): {"UNCLASSIFIED": 9}})
    labels = strip.year_labels(strip._bars(), metrics)
    assert labels[0][1] == "1995"
    assert all(x + metrics.horizontalAdvance(text) <= following for (x, text), (following, _) in itertools.pairwise(labels))
