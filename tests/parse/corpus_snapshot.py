"""The parse of the whole corpus as JSON, kept to prove that speed work changes no output.

    python tests/parse/corpus_snapshot.py            # compare with the stored snapshot
    python tests/parse/corpus_snapshot.py --refresh  # rewrite it (only with fidelity work)

Every file under ``../shared/corpus`` is parsed; each result is stored under its path
relative to the corpus, in ``tests/data/corpus-parse.json.gz``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.model.json_codec import result_to_json  # noqa: E402
from reader.parse import iter_cable_files, parse_file  # noqa: E402

CORPUS = (REPO.parent / "shared" / "corpus").resolve()
SNAPSHOT = REPO / "tests" / "data" / "corpus-parse.json.gz"


def parse_corpus(corpus: Path = CORPUS) -> dict[str, list[dict[str, Any]]]:
    """Relative path -> the JSON of every result the file gives (source paths made relative)."""
    snapshot: dict[str, list[dict[str, Any]]] = {}
    for name in iter_cable_files(corpus):
        relative = Path(name).relative_to(corpus).as_posix()
        results = []
        for result in parse_file(name):
            data = result_to_json(result)
            data["source"] = {**data["source"], "path": relative}
            results.append(data)
        snapshot[relative] = results
    return snapshot


def load_snapshot(path: Path = SNAPSHOT) -> dict[str, list[dict[str, Any]]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def differences(stored: dict[str, list[dict[str, Any]]], current: dict[str, list[dict[str, Any]]]) -> list[str]:
    """One line per file and field that differs: 'path: field'."""
    found = [f"{name}: missing now" for name in stored.keys() - current.keys()]
    found += [f"{name}: new file" for name in current.keys() - stored.keys()]
    for name in sorted(stored.keys() & current.keys()):
        before, after = stored[name], current[name]
        if len(before) != len(after):
            found.append(f"{name}: {len(before)} results before, {len(after)} now")
            continue
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            for field in sorted(old.keys() | new.keys()):
                if old.get(field) != new.get(field):
                    found.append(f"{name}#{index}: {field}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="write the snapshot from this checkout's parser")
    args = parser.parse_args()
    current = parse_corpus()
    if args.refresh:
        with gzip.GzipFile(SNAPSHOT, "wb", mtime=0) as handle:
            handle.write(json.dumps(current, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8"))
        print(f"wrote {SNAPSHOT} ({len(current)} files)")
        return 0
    found = differences(load_snapshot(), current)
    print("\n".join(found) or f"identical: {len(current)} files")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
