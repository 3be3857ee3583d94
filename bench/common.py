"""Shared helpers for the vocan benchmark scripts (standard library only).

Paths: the eval data lives outside the repo (``../shared/eval`` from the repo root,
override with ``VOCAN_EVAL``); the binary is ``.build/release/vocan`` (override with
``VOCAN_BIN``). Peer tools run in ``.venv-bench`` through ``bench/peers.py``; their
predictions are cached in ``.bench-cache/``. Set ``VOCAN_NO_PEERS=1`` to skip peers.
"""

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.environ.get("VOCAN_EVAL") or os.path.join(ROOT, "..", "shared", "eval")
VOCAN = os.environ.get("VOCAN_BIN") or os.path.join(ROOT, ".build", "release", "vocan")
VENV_PY = os.path.join(ROOT, ".venv-bench", "bin", "python")
CACHE = os.path.join(ROOT, ".bench-cache")
PEERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers.py")
PEER_CACHE_VERSION = "1"  # bump when peers.py changes what it predicts

SENTIMENT3 = ("positive", "negative", "neutral")
PLUTCHIK = ("anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust")


def eval_path(rel):
    """Absolute path of a file under the eval folder; exits with a message if missing."""
    path = os.path.abspath(os.path.join(EVAL, rel))
    if not os.path.exists(path):
        sys.exit(f"bench: eval file not found: {path} (set VOCAN_EVAL)")
    return path


def read_jsonl(path):
    """All JSON objects of a JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_vocan(rows, lang, extra_args=()):
    """Analyze ``rows`` (dicts with ``text``) with vocan; return (outputs, seconds).

    Each row is sent under a fresh id (its index), because some eval sets repeat ids;
    ``outputs[i]`` is vocan's record for ``rows[i]`` or None when vocan left it out.
    Extra fields of a row (e.g. ``score``) are passed through. Exits on a vocan failure.
    """
    if not os.access(VOCAN, os.X_OK):
        sys.exit(f"bench: vocan binary not found or not executable: {VOCAN} (build it or set VOCAN_BIN)")
    with tempfile.TemporaryDirectory(prefix="vocan-bench-") as tmp:
        src, dst = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
        write_jsonl(src, [dict(row, id=str(i)) for i, row in enumerate(rows)])
        cmd = [VOCAN, "analyze", src, "--format", "jsonl", "--lang", lang, "--output", dst, *extra_args]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"bench: vocan failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
        outputs = [None] * len(rows)
        for rec in read_jsonl(dst):
            i = str(rec.get("id"))
            if i.isdigit() and int(i) < len(rows):
                outputs[int(i)] = rec  # any other id matches no row: its row counts as missing
    return outputs, seconds


def vocan_sentiment3(rec):
    """vocan's label folded to 3 classes (``mixed`` -> sign of score); None if missing."""
    if rec is None:
        return None
    sent = rec.get("sentiment") or {}
    label = sent.get("label")
    if label == "mixed":
        score = sent.get("score") or 0.0
        return "positive" if score > 0 else "negative" if score < 0 else "neutral"
    return label


def argmax_emotion(scores, labels=PLUTCHIK):
    """Strongest emotion (ties -> first alphabetically); None when all are zero or absent."""
    best, best_value = None, 0.0
    for label in sorted(labels):
        value = (scores or {}).get(label) or 0.0
        if value > best_value:
            best, best_value = label, value
    return best


def prf(tp, fp, fn):
    """Precision, recall, F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def binary_prf(gold, pred):
    """Precision, recall, F1 and support of the positive class over paired booleans."""
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    return (*prf(tp, fp, fn), tp + fn)


def macro_f1(gold, pred, labels):
    """(macro-F1 over ``labels``, accuracy). A None prediction is simply wrong."""
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        f1s.append(prf(tp, fp, fn)[2])
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    return sum(f1s) / len(f1s), acc


def peers_enabled():
    """True when the peer venv exists and peers are not switched off."""
    return os.environ.get("VOCAN_NO_PEERS") != "1" and os.access(VENV_PY, os.X_OK)


def peer_predict(peer, path):
    """Peer predictions for every row of an eval file, as a list aligned with its rows.

    Runs ``bench/peers.py PEER PATH`` in the venv; cached by peer, file path and mtime.
    """
    st = os.stat(path)
    key = f"{PEER_CACHE_VERSION}|{peer}|{os.path.abspath(path)}|{st.st_mtime_ns}|{st.st_size}"
    cache_file = os.path.join(CACHE, f"{peer}-{hashlib.sha1(key.encode()).hexdigest()[:16]}.json")
    if os.path.exists(cache_file):
        with open(cache_file, encoding="utf-8") as f:
            return json.load(f)
    proc = subprocess.run([VENV_PY, PEERS, peer, path], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench: peer {peer} failed on {path}:\n{proc.stderr[-2000:]}")
    preds = json.loads(proc.stdout)
    os.makedirs(CACHE, exist_ok=True)
    with open(cache_file, "w", encoding="utf-8") as f:
        json.dump(preds, f)
    return preds


def fmt(f1, acc=None):
    """``0.512 (0.600)`` or ``-`` for absent figures."""
    if f1 is None:
        return "-"
    return f"{f1:.3f}" if acc is None else f"{f1:.3f} ({acc:.3f})"


def print_table(headers, rows):
    """Plain left-aligned text table."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, r in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
