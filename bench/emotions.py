#!/usr/bin/env python3
"""Emotion benchmark: vocan's strongest emotion vs an NRC lexicon lookup.

Rows with exactly one gold Plutchik emotion: xed en_dev and de_dev as labelled, goemotions
dev after mapping its labels to Plutchik (a row qualifies if the mapped set has exactly one
emotion). vocan's prediction is the argmax of ``emotions`` (ties -> first alphabetically;
all zero or a missing record -> no prediction, counted wrong). Peer (English only): NRC word
counts with nrclex's bundled lexicon, same argmax rule. Macro-F1 over the 8 emotions.
Target: vocan >= NRC + 0.05 on the English sets; German is reported alone.

    emotions.py [--json] [--no-peers]
"""

import argparse
import json

import common

TARGET_DELTA = 0.05

GOEMOTIONS_TO_PLUTCHIK = {
    "anger": "anger", "annoyance": "anger",
    "fear": "fear", "nervousness": "fear",
    "joy": "joy", "amusement": "joy", "excitement": "joy",
    "sadness": "sadness", "grief": "sadness", "disappointment": "sadness",
    "optimism": "anticipation", "desire": "anticipation",
    "admiration": "trust", "approval": "trust",
    "disgust": "disgust", "surprise": "surprise",
}


def xed_gold(row):
    emotions = row.get("emotions") or []
    return emotions[0] if len(emotions) == 1 and emotions[0] in common.PLUTCHIK else None


def goemotions_gold(row):
    mapped = {GOEMOTIONS_TO_PLUTCHIK[e] for e in row.get("emotions") or [] if e in GOEMOTIONS_TO_PLUTCHIK}
    return mapped.pop() if len(mapped) == 1 else None


# (name, file under the eval folder, language, gold extractor)
SETS = [
    ("xed_en", "xed/en_dev.jsonl", "en", xed_gold),
    ("goemotions", "goemotions/dev.jsonl", "en", goemotions_gold),
    ("xed_de", "xed/de_dev.jsonl", "de", xed_gold),
]


def evaluate(name, rel, lang, gold_of, with_peers):
    path = common.eval_path(rel)
    all_rows = common.read_jsonl(path)
    keep = [i for i, r in enumerate(all_rows) if gold_of(r)]
    gold = [gold_of(all_rows[i]) for i in keep]
    outputs, seconds = common.run_vocan([{"text": all_rows[i]["text"]} for i in keep], lang)
    pred = [common.argmax_emotion(o.get("emotions")) if o else None for o in outputs]
    f1, acc = common.macro_f1(gold, pred, common.PLUTCHIK)
    result = {
        "set": name, "file": rel, "lang": lang, "rows": len(keep),
        "vocan": {"macro_f1": f1, "accuracy": acc, "missing": outputs.count(None),
                  "no_emotion": sum(1 for o, p in zip(outputs, pred) if o and p is None), "seconds": seconds},
    }
    if with_peers and lang == "en":
        nrc_all = common.peer_predict("nrc", path)
        nf1, nacc = common.macro_f1(gold, [nrc_all[i] for i in keep], common.PLUTCHIK)
        result["nrc"] = {"macro_f1": nf1, "accuracy": nacc}
        result["delta"] = f1 - nf1
        result["target_met"] = result["delta"] >= TARGET_DELTA
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--no-peers", action="store_true", help="vocan only")
    args = ap.parse_args()

    with_peers = not args.no_peers and common.peers_enabled()
    results = [evaluate(*s, with_peers) for s in SETS]
    if args.json:
        print(json.dumps(results, indent=2))
        return

    print(f"Emotions, macro-F1 over the 8 Plutchik emotions (accuracy), rows with one gold emotion; "
          f"target: vocan >= NRC + {TARGET_DELTA:.2f} (English)")
    table = []
    for r in results:
        v, n = r["vocan"], r.get("nrc")
        table.append([
            r["set"], r["lang"], r["rows"], common.fmt(v["macro_f1"], v["accuracy"]), v["missing"], v["no_emotion"],
            common.fmt(n["macro_f1"], n["accuracy"]) if n else "-",
            f"{r['delta']:+.3f}" if n else "-",
            ("yes" if r["target_met"] else "NO") if n else "-",
        ])
    common.print_table(["set", "lang", "rows", "vocan F1 (acc)", "missing", "no emotion",
                        "NRC F1 (acc)", "delta", f"delta>={TARGET_DELTA:.2f}"], table)
    if not with_peers:
        print("(peers skipped: run bench/setup-peers.sh, or VOCAN_NO_PEERS is set)")


if __name__ == "__main__":
    main()
