"""PDF export (read back with pypdf), and File > Export from the window, in the background."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from reader.ui.main_window import MainWindow
from reader.ui.pdf_export import write_pdf
from tests.conftest import SEED, corpus_cable, corpus_file


def test_a_pdf_has_the_banner_on_every_page_and_numbered_pages(tmp_path: Path) -> None:
    out = tmp_path / "cables.pdf"
    cables = [corpus_cable("html/08BERLIN1387.html"), corpus_cable("seed/06ALMATY2872.txt")]
    pages = write_pdf(cables, out)
    reader = PdfReader(str(out))
    assert len(reader.pages) == pages >= 3
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    berlin_pages = [t for t in texts if "08BERLIN1387" in t or "Bundeswehr" in t]
    assert berlin_pages and all(t.count("CONFIDENTIAL//NOFORN") >= 2 for t in berlin_pages)  # top and bottom
    assert all("SECRET" in t for t in texts[len(berlin_pages) :])
    assert [f"Page {n} of {pages}" in t for n, t in enumerate(texts, start=1)] == [True] * pages
    assert "(S/NF) SECRET" in " ".join(texts) and "(SBU) UNCLASSIFIED" in " ".join(texts)


def test_a_review_copy_pdf_withholds(tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"
    berlin = corpus_cable("html/08BERLIN1387.html")
    write_pdf([berlin], out, "CONFIDENTIAL")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert "[Paragraph 10 withheld: SECRET]" in text and "CONFIDENTIAL (review copy)" in text
    secret = " ".join(next(p.text for p in berlin.paragraphs if p.number == 10).split()[:6])
    assert secret not in text


def test_export_from_the_window_runs_in_the_background(qtbot, window: MainWindow, load, tmp_path: Path) -> None:
    load(window, [SEED, corpus_file("html/08BERLIN1387.html")])
    window.paragraph_view.set_release_level("CONFIDENTIAL")
    keys = [window.list_model.key_at(r) for r in range(window.list_model.rowCount())]
    out = tmp_path / "list.json"
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as ended:
        window.exporter.start(window.store, keys, out, window.paragraph_view.release_level)
    assert ended.args[0].startswith("Exported 2 cables")
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert {c["reference_id"] for c in exported} == {"06ALMATY2872", "08BERLIN1387"}
    assert all(any("review copy" in w for w in c["warnings"]) for c in exported)


def test_a_cancelled_export_leaves_no_file(qtbot, window: MainWindow, load, tmp_path: Path) -> None:
    load(window, [SEED])
    out = tmp_path / "cancelled.pdf"
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as ended:
        worker = window.exporter.start(window.store, [window.list_model.key_at(0)] * 50, out, None)
        worker.cancel()
    assert "cancelled" in ended.args[0] and not out.exists()
