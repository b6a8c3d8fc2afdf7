"""The window as a user meets it: drops, selection, panels, filters, links, problems, settings."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QListView, QStyleOptionViewItem

from reader.model import Cable
from reader.parse import parse_bytes
from reader.ui.cable_list_model import Column, Role
from reader.ui.colours import dark_palette, light_palette, tint
from reader.ui.main_window import MainWindow
from reader.ui.paragraph_model import ItemKind, ParagraphRole
from reader.ui.resources import SAMPLES
from tests.conftest import SEED, corpus_file

PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)


def drop(qtbot, target, paths: list[Path], window: MainWindow) -> None:
    """Drag files from the desktop and drop them on ``target`` (the mime data is kept alive)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPoint(target.width() // 2, target.height() // 2)
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    assert enter.dropAction() == Qt.DropAction.CopyAction
    event = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.loader.load_finished, timeout=60000):
        QApplication.sendEvent(target, event)
    assert event.isAccepted()


def shown_ids(window: MainWindow) -> list[str]:
    model = window.list_model
    return [model.index(r, Column.REFERENCE).data() for r in range(model.rowCount())]


def test_dropping_files_on_the_window_loads_them_once(qtbot, window: MainWindow, tmp_path: Path) -> None:
    seed = tmp_path / "06ALMATY2872.txt"
    shutil.copy(SEED, seed)
    page = corpus_file("html/02BOGOTA3281.html")
    drop(qtbot, window, [seed, page], window)
    assert sorted(shown_ids(window)) == ["02BOGOTA3281", "06ALMATY2872"]
    drop(qtbot, window, [seed], window)  # the same file again
    assert window.store.count() == 2
    assert window.count_label.text() == "2 cables"


def test_dropping_a_folder_on_the_list_loads_it_recursively(qtbot, window: MainWindow, tmp_path: Path) -> None:
    nested = tmp_path / "cables" / "deeper"
    nested.mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "cables" / "06ALMATY2872.txt")
    shutil.copy(corpus_file("text/09PARIS1007.txt"), nested / "09PARIS1007.txt")
    drop(qtbot, window.list_pane.table.viewport(), [tmp_path / "cables"], window)
    assert sorted(shown_ids(window)) == ["06ALMATY2872", "09PARIS1007"]


def test_a_drag_of_no_files_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_selection_updates_header_and_paragraphs(qtbot, window: MainWindow, load) -> None:
    load(window, [SEED, corpus_file("html/02BOGOTA3281.html")])
    window.select_reference("06ALMATY2872")
    header = window.header_panel.toPlainText()
    for expected in (
        "06ALMATY2872",
        "2006-08-10 00:49 UTC (DTG 100049Z AUG 06)",
        "PRIORITY",
        "AMEMBASSY ALMATY — Embassy Almaty",
        "RUEHC/SECSTATE WASHDC · PRIORITY · MCN 6536",
        "RHEHNSC/NSC WASHDC",
        "SIPDIS",
        "declassify on 2016-08-08",
        "PTER · KAWC · PHUM · PREL · KZ",
        "06ALMATY2549 (not loaded) ALMATY 2549",
        "Pol-Econ Chief Deborah Mennuti — reasons 1.4(b), 1.4(d)",
        "ORDWAY",
        "markdown, utf-8",
        'paragraph "15." read as 5',
    ):
        assert expected in header, expected
    model = window.paragraph_view.model
    kinds = [model.index(r).data(ParagraphRole.KIND) for r in range(model.rowCount())]
    assert kinds == [ItemKind.SUBJECT] + [ItemKind.PARAGRAPH] * 6 + [ItemKind.SIGNATURE]
    fifth = model.index(5)
    assert (fifth.data(ParagraphRole.NUMBER), fifth.data(ParagraphRole.MARKING), fifth.data(ParagraphRole.LEVEL)) == (
        5,
        "SBU",
        "UNCLASSIFIED",
    )
    assert window.paragraph_view.top_banner.text() == "SECRET"
    assert window.windowTitle().startswith("06ALMATY2872")

    window.select_reference("02BOGOTA3281")
    assert "AMBASSADOR ANNE W. PATTERSON" in window.header_panel.toPlainText()
    assert window.paragraph_view.top_banner.text() == "SECRET//NOFORN"
    assert window.paragraph_view.bottom_banner.text() == "SECRET//NOFORN"


def test_keyboard_moves_through_the_list(qtbot, window: MainWindow, load) -> None:
    load(window, [SAMPLES])
    table = window.list_pane.table
    table.setFocus()
    window.select_row(0)
    first = window.current_cable()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = window.current_cable()
    assert second is not first
    assert second.reference_id in window.header_panel.toPlainText()
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().row() == window.list_model.rowCount() - 1
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentIndex().row() == 0


def test_filter_box_and_classification_filter(qtbot, window: MainWindow, load) -> None:
    load(window, [SAMPLES])
    total = window.store.count()
    qtbot.keyClicks(window.list_pane.filter_box, "delhi")
    window.list_pane.apply_filters()  # do not wait for the pause in typing
    assert sorted(shown_ids(window)) == ["06NEWDELHI5138", "06NEWDELHI5237"]
    assert window.count_label.text() == f"2 of {total} cables shown"
    window.list_pane.filter_box.clear()
    window.list_pane.level_box.setCurrentText("Secret")
    assert sorted(shown_ids(window)) == ["02BOGOTA3281", "06ALMATY2872"]
    window.list_pane.clear_filters()
    assert len(shown_ids(window)) == total


def test_sorting_by_clicking_a_column(qtbot, window: MainWindow, load) -> None:
    load(window, [SAMPLES])
    header = window.list_pane.table.horizontalHeader()
    header.setSortIndicator(Column.REFERENCE, Qt.SortOrder.AscendingOrder)
    ids = shown_ids(window)
    assert ids[0] == "00HARARE6677" and ids[-1] == "72TEHRAN1164"
    header.setSortIndicator(Column.CREATED, Qt.SortOrder.AscendingOrder)
    assert shown_ids(window)[0] == "72TEHRAN1164"


def test_html_in_a_cable_is_shown_as_text(qtbot, window: MainWindow, load, tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("KAZAKHSTANI DETAINEES", "<b>KAZAKHSTANI</b> <img src=x onerror=alert(1)> DETAINEES")
    text = text.replace("Ref B, containing", "<script>alert('x')</script> <a href='http://evil'>Ref B</a>, containing")
    path = tmp_path / "evil.txt"
    path.write_text(text, encoding="utf-8")
    load(window, [path])
    window.select_row(0)
    header = window.header_panel
    assert "<b>KAZAKHSTANI</b> <img src=x onerror=alert(1)> DETAINEES" in header.toPlainText()
    assert "<img" not in header.toHtml().replace("&lt;img", "")
    model = window.paragraph_view.model
    texts = [model.index(r).data() for r in range(model.rowCount())]
    assert any("<script>alert('x')</script> <a href='http://evil'>Ref B</a>" in t for t in texts)
    # The delegate lays out plain text: the characters are there, not a rendered image or link.
    document = window.paragraph_view.delegate._document(model.index(5), QStyleOptionViewItem(), 600)
    assert "<script>alert('x')</script>" in document.toPlainText()
    body = document.toHtml().split("<body", 1)[1]
    assert "&lt;a href='http://evil'&gt;" in body and "<a href" not in body


def test_reference_links_select_the_cited_cable(qtbot, window: MainWindow, load) -> None:
    load(window, [SAMPLES / "07ROME1494.html", SAMPLES / "07ROME877.html"])
    window.select_reference("07ROME1494")
    assert "07ROME877" in window.header_panel.toPlainText()
    assert "07ROME877 (not loaded)" not in window.header_panel.toPlainText()
    window.list_pane.filter_box.setText("1494")  # the cited cable is filtered out...
    window.list_pane.apply_filters()
    window.header_panel.reference_activated.emit("07ROME877")
    assert window.current_cable().reference_id == "07ROME877"  # ...and is shown all the same
    window.header_panel.reference_activated.emit("99NOWHERE1")
    assert window.statusBar().currentMessage() == "99NOWHERE1 is not loaded"


def test_a_broken_file_lands_in_the_problems_panel(qtbot, window: MainWindow, load, tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "broken.txt").write_bytes(PNG)
    (tmp_path / "empty.txt").write_bytes(b"")
    load(window, [tmp_path])
    assert window.store.count() == 1
    assert window.problems.rowCount() == 2
    assert window.problems_dock.isVisible()
    messages = {Path(window.problems.index(r, 0).data()).name: window.problems.index(r, 1).data() for r in range(2)}
    assert messages == {"broken.txt": "Not a cable: this is a PNG image, not a cable.", "empty.txt": "The file is empty."}
    assert window.problem_label.text() == "2 files could not be read"


def test_window_state_is_restored_on_the_next_start(qtbot, make_window, load, tmp_path: Path) -> None:
    first = make_window()
    first.resize(777, 666)  # the offscreen screen is 800 x 800
    first.main_splitter.setSizes([200, 500])
    first.list_pane.table.horizontalHeader().resizeSection(Column.ORIGIN, 333)
    first.remember([str(tmp_path)])
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (777, 666)
    assert second.list_pane.table.horizontalHeader().sectionSize(Column.ORIGIN) == 333
    sizes = second.main_splitter.sizes()
    assert abs(sizes[0] / sum(sizes) - 200 / 700) < 0.05
    assert second.settings.last_folder == str(tmp_path)
    assert second.settings.recent[0] == str(tmp_path)


def test_both_palettes_keep_paragraph_text_readable() -> None:
    def luminance(colour) -> float:
        def channel(c: float) -> float:
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())

    def contrast(a, b) -> float:
        la, lb = sorted((luminance(a), luminance(b)), reverse=True)
        return (la + 0.05) / (lb + 0.05)

    from PySide6.QtGui import QPalette

    for palette in (light_palette(), dark_palette()):
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        for level in ("TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", None):
            assert contrast(tint(level, base), text) >= 7.0, (level, palette is light_palette())


def test_cable_data_roles_reach_the_views(qtbot, window: MainWindow, load) -> None:
    load(window, [SEED])
    index = window.list_model.index(0, 0)
    assert index.data(Role.CABLE).reference_id == "06ALMATY2872"


def test_a_text_of_many_paragraphs_is_laid_out_in_batches(qtbot, window: MainWindow) -> None:
    """A numbered list of a thousand lines dropped as a cable is measured a batch at a time, the
    window answering in between; once laid out, its last paragraph can be scrolled to. A real
    cable is laid out in one pass, so that a paragraph can be shown at once."""
    view = window.paragraph_view
    numbered = "".join(f"{n}. (C) Paragraph {n} of a long numbered list.\n\n" for n in range(1, 1000))
    cable = parse_bytes(numbered.encode(), "list.txt")
    assert isinstance(cable, Cable) and len(cable.paragraphs) == 999

    view.set_cable(cable)
    assert view.list.layoutMode() == QListView.LayoutMode.Batched
    last = view.model.index(view.model.rowCount() - 1)
    qtbot.waitUntil(lambda: view.list.visualRect(last).isValid(), timeout=30000)
    view.show_paragraph(998)
    qtbot.waitUntil(lambda: view.list.viewport().rect().intersects(view.list.visualRect(last)))

    view.set_cable(parse_bytes(SEED.read_bytes(), str(SEED)))
    assert view.list.layoutMode() == QListView.LayoutMode.SinglePass
