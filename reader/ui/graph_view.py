"""The Graph tab: the selected cable, the cables it cites and the cables citing it, two hops out.

Nodes stand on rings around the centre, one ring per hop, spaced so that none
overlaps; each is coloured by level and labelled with its id and date. Cited ids
not in the library are grey; ids the release does not hold have a dashed outline.
A click selects that cable in the list; a double-click puts it at the centre.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reader.library.citations import LOADED, NOT_IN_RELEASE, CitationGraph, Node
from reader.ui.colours import level_colour, text_on

NODE_WIDTH = 150.0
NODE_HEIGHT = 40.0
NODE_GAP = 24.0
RING_GAP = 120.0
NOT_LOADED_FILL = QColor("#d1d5db")


def ring_radius(previous: float, count: int) -> float:
    """A ring wide enough that ``count`` nodes stand on it without touching."""
    needed = count * (NODE_WIDTH + NODE_GAP) / (2 * math.pi)
    return max(previous + RING_GAP + NODE_HEIGHT, needed)


def layout_positions(graph: CitationGraph) -> dict[str, QPointF]:
    """Centre at the origin; each hop on its own ring. The first ring holds cited cables
    before citing ones, by date; a farther cable stands next to the one that links it in,
    so that its edge does not cross the centre."""
    positions = {graph.centre: QPointF(0, 0)}
    angles: dict[str, float] = {}
    radius = 0.0
    rings: dict[int, list[Node]] = {}
    for node in graph.nodes.values():
        if node.reference_id != graph.centre:
            rings.setdefault(node.distance, []).append(node)
    cited = {e.cited for e in graph.edges if e.citing == graph.centre}
    for hop in sorted(rings):
        ring = sorted(rings[hop], key=lambda n: (n.reference_id not in cited, n.created is None, n.created or 0, n.reference_id))
        radius = ring_radius(radius, len(ring))
        even = [2 * math.pi * number / len(ring) - math.pi / 2 for number in range(len(ring))]
        wanted = [_angle_of_links(graph, node, angles) for node in ring]
        ring_angles = even
        if hop > 1 and None not in wanted:
            order = sorted(range(len(ring)), key=wanted.__getitem__)
            ring = [ring[i] for i in order]
            ring_angles = _packed([wanted[i] for i in order], (NODE_WIDTH + NODE_GAP) / radius) or even  # type: ignore[misc]
        for node, angle in zip(ring, ring_angles, strict=True):
            angles[node.reference_id] = angle
            positions[node.reference_id] = QPointF(radius * math.cos(angle), radius * math.sin(angle))
    return positions


def _angle_of_links(graph: CitationGraph, node: Node, placed: dict[str, float]) -> float | None:
    """The mean direction of the placed cables ``node`` cites or is cited by."""
    linked = [e.cited if e.citing == node.reference_id else e.citing for e in graph.edges if node.reference_id in (e.citing, e.cited)]
    directions = [placed[other] for other in linked if other in placed]
    if not directions:
        return None
    return math.atan2(sum(map(math.sin, directions)), sum(map(math.cos, directions)))


def _packed(wanted: list[float], step: float) -> list[float] | None:
    """Angles as near the ``wanted`` ones (sorted) as they can be while ``step`` apart; None
    when they would run round the ring into each other."""
    angles: list[float] = []
    for angle in wanted:
        angles.append(max(angle, angles[-1] + step) if angles else angle)
    shift = (sum(angles) - sum(wanted)) / len(angles)
    angles = [angle - shift for angle in angles]
    if angles[-1] - angles[0] > 2 * math.pi - step:
        return None
    return angles


class NodeItem(QGraphicsRectItem):
    def __init__(self, node: Node, view: GraphView) -> None:
        super().__init__(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT)
        self.node, self.view = node, view
        loaded = node.state == LOADED
        fill = level_colour(node.classification) if loaded else (QColor("#ffffff") if node.state == NOT_IN_RELEASE else NOT_LOADED_FILL)
        self.setBrush(QBrush(fill))
        pen = QPen(QColor("#111827") if node.distance == 0 else fill.darker(150), 3 if node.distance == 0 else 1.2)
        if node.state == NOT_IN_RELEASE:
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setColor(QColor("#6b7280"))
        self.setPen(pen)
        self.setZValue(2)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        date = node.created.strftime("%Y-%m-%d") if node.created else {LOADED: "no date"}.get(
            node.state, "not in the release" if node.state == NOT_IN_RELEASE else "not in the library"
        )
        label = QGraphicsSimpleTextItem(f"{node.reference_id}\n{date}", self)
        font = QFont()
        font.setPointSizeF(8.5)
        label.setFont(font)
        label.setBrush(QBrush(text_on(node.classification) if loaded else QColor("#111827")))
        bounds = label.boundingRect()
        label.setPos(-bounds.width() / 2, -bounds.height() / 2)
        tip = node.subject or ("Not in this library" if node.state != NOT_IN_RELEASE else "Not in the 2011 release")
        self.setToolTip(f"{node.reference_id} — {node.classification or ''}\n{tip}")

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.view.node_clicked.emit(self.node.reference_id)
        event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.view.node_double_clicked.emit(self.node.reference_id)
        event.accept()


def _arrow(start: QPointF, end: QPointF) -> QPainterPath:
    """A line from the citing node's edge to the cited node's edge, with a head at the cited end."""
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    # Stop at the boxes' edges, not their centres.
    def inset(box_dx: float, box_dy: float) -> float:
        tx = (NODE_WIDTH / 2) / abs(box_dx) if box_dx else math.inf
        ty = (NODE_HEIGHT / 2) / abs(box_dy) if box_dy else math.inf
        return min(tx, ty)

    cut = inset(ux, uy)
    a = QPointF(start.x() + ux * cut, start.y() + uy * cut)
    b = QPointF(end.x() - ux * cut, end.y() - uy * cut)
    path = QPainterPath(a)
    path.lineTo(b)
    head = QPolygonF([b, QPointF(b.x() - ux * 9 - uy * 4.5, b.y() - uy * 9 + ux * 4.5), QPointF(b.x() - ux * 9 + uy * 4.5, b.y() - uy * 9 - ux * 4.5)])
    path.addPolygon(head)
    path.closeSubpath()
    return path


class GraphView(QGraphicsView):
    node_clicked = Signal(str)
    node_double_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citationGraph")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.graph: CitationGraph | None = None
        self.items: dict[str, NodeItem] = {}

    def show_graph(self, graph: CitationGraph | None) -> None:
        scene = self.scene()
        scene.clear()
        self.items = {}
        self.graph = graph
        if graph is None:
            return
        positions = layout_positions(graph)
        pen = QPen(QColor("#9ca3af"), 1.2)
        for edge in graph.edges:
            item = QGraphicsPathItem(_arrow(positions[edge.citing], positions[edge.cited]))
            item.setPen(pen)
            item.setBrush(QBrush(QColor("#9ca3af")))
            item.setZValue(1)
            scene.addItem(item)
        for refid, node in graph.nodes.items():
            item = NodeItem(node, self)
            item.setPos(positions[refid])
            scene.addItem(item)
            self.items[refid] = item
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-30, -30, 30, 30))
        self.fit()

    def fit(self) -> None:
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect if rect.width() > 420 else QRectF(rect.center().x() - 210, rect.top(), 420, rect.height()), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


class GraphPane(QWidget):
    """The Graph tab: a line saying what is shown, and the graph."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.view = GraphView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.show_graph(None)

    def show_graph(self, graph: CitationGraph | None) -> None:
        self.view.show_graph(graph)
        if graph is None:
            self.summary.setText("Select a cable with a reference id in the list.")
            return
        cites = sum(1 for e in graph.edges if e.citing == graph.centre)
        cited_by = sum(1 for e in graph.edges if e.cited == graph.centre)
        more = " Only the nearest are shown." if graph.truncated else ""
        self.summary.setText(
            f"{graph.centre} cites {cites} and is cited by {cited_by}; {len(graph.nodes)} cables within two citations.{more} "
            "Grey: not in this library; dashed: not in the release. Click to select, double-click to centre."
        )
