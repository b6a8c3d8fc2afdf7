"""The reviewer's views in the window: the Markings section, the release view, the Versions tab, the legend."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication

from reader.ui.colours import LEGEND, level_colour
from reader.ui.header_html import FINDING_SCHEME
from reader.ui.main_window import MainWindow
from reader.ui.paragraph_model import ParagraphRole
from tests.conftest import SEED, corpus_file


def show(window: MainWindow, reference_id: str) -> None:
    window.select_reference(reference_id)
    QApplication.processEvents()
    assert window.current_cable() is not None and window.current_cable().reference_id == reference_id


def test_the_markings_section_links_a_finding_to_its_paragraph(qtbot, window: MainWindow, load) -> None:
    load(window, [corpus_file("html/08BERLIN1387.html")])
    show(window, "08BERLIN1387")
    text = window.header_panel.toPlainText()
    assert "Markings (1)" in text and "portion-above-banner" in text
    assert "paragraph 10 marked SECRET under a CONFIDENTIAL banner" in text
    window.header_panel.anchorClicked.emit(QUrl(f"{FINDING_SCHEME}0"))
    view = window.paragraph_view
    current = view.list.currentIndex()
    assert current.isValid() and current.data(ParagraphRole.NUMBER) == 10


def test_a_consistent_cable_says_so(window: MainWindow, load) -> None:
    load(window, [SEED])
    show(window, "06ALMATY2872")
    assert "consistent: no finding" in window.header_panel.toPlainText()


def test_the_release_view_withholds_in_the_view_and_in_copy(qtbot, window: MainWindow, load) -> None:
    load(window, [corpus_file("html/08BERLIN1387.html")])
    show(window, "08BERLIN1387")
    view = window.paragraph_view
    secret_words = next(p.text for p in window.current_cable().paragraphs if p.number == 10)[:50]
    view.release_box.setCurrentIndex(view.release_box.findData("CONFIDENTIAL"))
    assert view.release_level == "CONFIDENTIAL"
    assert view.top_banner.text() == view.bottom_banner.text() == "CONFIDENTIAL (review copy)"
    model = view.model
    withheld = [model.index(r) for r in range(model.rowCount()) if model.index(r).data(ParagraphRole.WITHHELD)]
    assert [i.data(ParagraphRole.NUMBER) for i in withheld] == [10]
    assert withheld[0].data() == "[Paragraph 10 withheld: SECRET]"
    view.copy_all()
    copied = QGuiApplication.clipboard().text()
    assert "[Paragraph 10 withheld: SECRET]" in copied and secret_words not in copied
    view.list.setCurrentIndex(withheld[0])
    view.copy_selection()
    assert QGuiApplication.clipboard().text() == "[Paragraph 10 withheld: SECRET]"
    assert next(p.text for p in window.current_cable().paragraphs if p.number == 10).startswith(secret_words)  # unchanged
    view.set_release_level(None)
    assert view.top_banner.text() == "CONFIDENTIAL//NOFORN" and not any(
        model.index(r).data(ParagraphRole.WITHHELD) for r in range(model.rowCount())
    )


def test_the_versions_tab_compares_two_releases(qtbot, make_library_window, load) -> None:
    window = make_library_window()
    load(window, [corpus_file("html/10ASTANA72.html"), corpus_file("html-2010/10ASTANA72.html")])
    assert window.store.count() == 1  # one document, two sources
    show(window, "10ASTANA72")
    pane = window.reading_pane
    pane.setCurrentWidget(pane.versions)
    QApplication.processEvents()
    assert pane.tabText(pane.indexOf(pane.versions)) == "Versions (2)"
    versions = pane.versions
    assert "html-2010/10ASTANA72.html" in versions.first.currentText()  # the older release first
    shown = versions.browser.toPlainText()
    assert "0 redactions added, 4 lifted" in shown
    assert "which means large bribes for the best connected." in shown
    assert "E.O. line" in shown


def test_a_cable_with_one_version_says_how_to_get_another(window: MainWindow, load) -> None:
    load(window, [SEED])
    show(window, "06ALMATY2872")
    window.reading_pane.setCurrentWidget(window.reading_pane.versions)
    QApplication.processEvents()
    assert "One version of this cable is loaded" in window.reading_pane.versions.summary.text()


def test_the_legend_draws_real_swatches(window: MainWindow, load) -> None:
    load(window, [SEED])
    show(window, "06ALMATY2872")
    legend = window.paragraph_view.legend
    picture = legend.grab().toImage()
    ratio = picture.width() / legend.width()
    for swatch, (level, _label) in zip(legend.swatches, LEGEND, strict=True):
        centre = swatch.geometry().center()
        pixel = QColor(picture.pixel(round(centre.x() * ratio), round(centre.y() * ratio)))
        assert pixel.name() == level_colour(level).name(), (level, pixel.name())


def test_the_status_bar_counts_one_cable(window: MainWindow, load) -> None:
    load(window, [SEED])
    assert window.count_label.text() == "1 cable"
