"""The analysis's spaCy pipeline (`get_nlp`) against spaCy's plain `spacy.load`, over the dev texts' sentences.

Both parse every analysed sentence of the dev texts (polnear_dev and crossoutlet) and the seeds, each in a
fresh interpreter, one Doc per sentence as the analysis parses them; the records (token offset and length,
lemma, pos, tag, dep, head; entity spans and labels) must be identical. Prints the counts and the first
difference, exit 1 on any. Skips cleanly without the dev data. Run: `python bench/pipeline_equal.py`
(about a minute: two parses of ~4,300 sentences).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._articles import DEV_DATA  # noqa: E402

PARSE = r"""
import json, sys
mode, texts_path, out_path = sys.argv[1:4]
with open(texts_path, encoding="utf-8") as stream:
    texts = json.load(stream)
if mode == "plain":
    import spacy
    from reader.core.warm_cache import MODEL_NAME
    nlp = spacy.load(MODEL_NAME)
else:
    from reader.core.analysis.nlp import get_nlp
    nlp = get_nlp()
out = []
for doc in nlp.pipe(texts, batch_size=64):
    tokens = [[t.idx, len(t.text), t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i] for t in doc]
    out.append([tokens, [[e.start, e.end, e.label_] for e in doc.ents]])
with open(out_path, "w", encoding="utf-8") as stream:
    json.dump(out, stream)
"""


def sentence_texts() -> list[str]:
    from reader.core.analysis.cache import analysed_sentences
    from reader.core.analysis.parse import _CONTROL_SPACE
    from reader.core.errors import ReaderError
    from reader.core.load.inputs import read_article

    paths = sorted((DEV_DATA / "polnear_dev" / "text").glob("*.txt"))
    paths += sorted((DEV_DATA / "crossoutlet").rglob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    texts: list[str] = []
    for path in paths:
        try:
            article = read_article(path)
        except ReaderError:
            continue
        texts += [_CONTROL_SPACE.sub(" ", sentence.text) for sentence in analysed_sentences(article)]
    return texts


def main() -> int:
    if not DEV_DATA.is_dir():
        print(f"no dev data at {DEV_DATA}: skipped")
        return 0
    texts = sentence_texts()
    with tempfile.TemporaryDirectory(prefix="pipeline-equal-") as folder:
        source = Path(folder) / "texts.json"
        source.write_text(json.dumps(texts), encoding="utf-8")
        results = {}
        for mode in ("plain", "ours"):
            target = Path(folder) / f"{mode}.json"
            env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"} if mode == "ours" else None  # as in the service
            command = [sys.executable, "-c", PARSE, mode, str(source), str(target)]
            subprocess.run(command, check=True, cwd=ROOT, env=env)
            results[mode] = json.loads(target.read_text(encoding="utf-8"))
    plain, ours = results["plain"], results["ours"]
    tokens = sum(len(doc[0]) for doc in plain)
    entities = sum(len(doc[1]) for doc in plain)
    print(f"{len(texts)} sentences, {sum(map(len, texts))} characters, {tokens} tokens, {entities} entities")
    for index, (mine, theirs) in enumerate(zip(ours, plain, strict=True)):
        if mine != theirs:
            print(f"DIFFERENT at sentence {index}: {texts[index]!r}")
            return 1
    print("identical: get_nlp parses every sentence as spaCy's plain spacy.load does")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
