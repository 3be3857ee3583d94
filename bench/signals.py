#!/usr/bin/env python3
"""Signals benchmark on the project's hand-labelled corpora/signals.{de,en}.jsonl.

Rows are split by ``score_scale`` so each vocan run gets ``--score-column score
--score-scale nps|csat`` (rows without a scale run without them). Per language:
precision/recall/F1 for effort (vocan effort >= 0.5), churn (churn_risk >= 0.5),
promoter, detractor, follow-up needed and each follow-up reason; sentiment accuracy and
macro-F1 over positive/negative/neutral/mixed; emotion accuracy (argmax) where labelled.
A record vocan leaves out predicts nothing (all signals false, no label).
Then churn alone on corpora/churn-holdout.{de,en}.jsonl: comments written after the churn
patterns by a writer who did not see them, and never used to tune them (the honest figure).

    signals.py [--json] [--corpora DIR]
"""

import argparse
import json
import os

import common

THRESHOLD = 0.5
SENTIMENT4 = ("positive", "negative", "neutral", "mixed")


def run_by_scale(rows, lang):
    """vocan outputs aligned with ``rows``, one vocan run per score scale."""
    outputs = [None] * len(rows)
    for scale in sorted({r.get("score_scale") for r in rows}, key=str):
        idx = [i for i, r in enumerate(rows) if r.get("score_scale") == scale]
        batch = [{"text": rows[i]["text"], "score": rows[i].get("score")} for i in idx]
        extra = ["--score-column", "score", "--score-scale", scale] if scale else []
        outs, _ = common.run_vocan(batch, lang, extra)
        for i, o in zip(idx, outs):
            outputs[i] = o
    return outputs


def predicted(o):
    """The signals of one vocan record as plain values (nothing for a missing record)."""
    s = (o or {}).get("signals") or {}
    fu = s.get("follow_up") or {}
    return {
        "effort": (s.get("effort") or 0) >= THRESHOLD,
        "churn": (s.get("churn_risk") or 0) >= THRESHOLD,
        "recommend": s.get("recommend"),
        "follow_up": bool(fu.get("needed")),
        "reasons": set(fu.get("reasons") or []),
        "sentiment": ((o or {}).get("sentiment") or {}).get("label"),
        "emotion": common.argmax_emotion((o or {}).get("emotions")) if o else None,
    }


def gold_emotion(row):
    e = row.get("emotion")
    if isinstance(e, list):
        return e[0] if len(e) == 1 else None
    return e or None


def display_path(path):
    rel = os.path.relpath(path, common.ROOT)
    return path if rel.startswith("..") else rel


def evaluate(lang, path):
    rows = common.read_jsonl(path)
    outputs = run_by_scale(rows, lang)
    preds = [predicted(o) for o in outputs]
    metrics = {}

    def add(name, gold, pred):
        p, r, f, support = common.binary_prf(gold, pred)
        metrics[name] = {"precision": p, "recall": r, "f1": f, "support": support}

    add("effort", [bool(r.get("effort")) for r in rows], [p["effort"] for p in preds])
    add("churn", [bool(r.get("churn")) for r in rows], [p["churn"] for p in preds])
    for rec in ("promoter", "detractor"):
        add(rec, [r.get("recommend") == rec for r in rows], [p["recommend"] == rec for p in preds])
    add("follow_up", [bool(r.get("follow_up")) for r in rows], [p["follow_up"] for p in preds])
    reasons = sorted({x for r in rows for x in r.get("follow_up_reasons") or []} | {x for p in preds for x in p["reasons"]})
    for reason in reasons:
        add(f"reason:{reason}", [reason in (r.get("follow_up_reasons") or []) for r in rows],
            [reason in p["reasons"] for p in preds])

    sent_idx = [i for i, r in enumerate(rows) if r.get("sentiment") in SENTIMENT4]
    sf1, sacc = common.macro_f1([rows[i]["sentiment"] for i in sent_idx], [preds[i]["sentiment"] for i in sent_idx], SENTIMENT4)
    emo_idx = [i for i, r in enumerate(rows) if gold_emotion(r) in common.PLUTCHIK]
    emo_acc = (sum(1 for i in emo_idx if preds[i]["emotion"] == gold_emotion(rows[i])) / len(emo_idx)) if emo_idx else None
    return {
        "lang": lang, "file": display_path(path), "rows": len(rows), "missing": outputs.count(None),
        "signals": metrics,
        "sentiment": {"rows": len(sent_idx), "macro_f1": sf1, "accuracy": sacc},
        "emotion": {"rows": len(emo_idx), "accuracy": emo_acc},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument("--corpora", default=os.path.join(common.ROOT, "corpora"), help="folder of signals.*.jsonl")
    args = ap.parse_args()

    results, skipped = [], []
    # (file name, the signals its rows label: None for all)
    for name, labelled in (("signals.{}.jsonl", None), ("churn-holdout.{}.jsonl", {"churn"})):
        for lang in ("de", "en"):
            path = os.path.join(args.corpora, name.format(lang))
            if not os.path.exists(path):
                skipped.append(path)
                continue
            result = evaluate(lang, path)
            if labelled:
                result["signals"] = {k: v for k, v in result["signals"].items() if k in labelled}
                result["sentiment"]["rows"] = result["emotion"]["rows"] = 0
            results.append(result)
    if args.json:
        print(json.dumps({"results": results, "skipped": skipped}, indent=2))
        return

    for r in results:
        print(f"Signals [{r['lang']}] {r['file']}: {r['rows']} rows, {r['missing']} missing from vocan's output")
        table = [[name, m["support"], f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}"]
                 for name, m in r["signals"].items()]
        common.print_table(["signal", "gold", "precision", "recall", "F1"], table)
        s, e = r["sentiment"], r["emotion"]
        if s["rows"]:
            print(f"sentiment (4 labels, {s['rows']} rows): macro-F1 {s['macro_f1']:.3f}, accuracy {s['accuracy']:.3f}")
        if e["rows"]:
            print(f"emotion (argmax, {e['rows']} rows with one gold emotion): accuracy {e['accuracy']:.3f}")
        print()
    for path in skipped:
        print(f"(skipped: {path} not found)")


if __name__ == "__main__":
    main()
