#!/usr/bin/env python3
"""Sentiment benchmark: vocan vs lexicon peers on the labelled dev sets.

For each set, vocan runs once (``--lang`` = the set's language); its label is folded to
positive/negative/neutral (``mixed`` -> sign of the score) and scored by macro-F1 over the
three classes and accuracy; rows vocan leaves out count as wrong. Peers on the same rows:
VADER (English), textblob-de (German). Target: vocan macro-F1 >= best peer + 0.10.

    sentiment.py            dev sets, vocan and peers
    sentiment.py --train    German tuning sets (sb10k/train, potts/train), vocan only
    sentiment.py --json     the same figures as JSON
"""

import argparse
import json

import common

TARGET_DELTA = 0.10
PEERS_BY_LANG = {"en": ["vader"], "de": ["textblob-de"]}

# (name, file under the eval folder, language, gold label field)
DEV_SETS = [
    ("airline_tweets", "airline_tweets/dev.jsonl", "en", "sentiment"),
    ("amazon_en", "amazon_reviews_multi/en_dev.jsonl", "en", "sentiment_derived"),
    ("germeval2017", "germeval2017/dev.jsonl", "de", "sentiment"),
    ("sb10k", "sb10k/dev.jsonl", "de", "sentiment"),
    ("potts", "potts/dev.jsonl", "de", "sentiment"),  # gold "mixed" rows are left out
    ("amazon_de", "amazon_reviews_multi/de_dev.jsonl", "de", "sentiment_derived"),
]
TRAIN_SETS = [
    ("sb10k_train", "sb10k/train.jsonl", "de", "sentiment"),
    ("potts_train", "potts/train.jsonl", "de", "sentiment"),
]


def evaluate(name, rel, lang, field, with_peers):
    """Figures for one set: vocan's, and each peer's on the same rows."""
    path = common.eval_path(rel)
    all_rows = common.read_jsonl(path)
    keep = [i for i, r in enumerate(all_rows) if r.get(field) in common.SENTIMENT3]
    gold = [all_rows[i][field] for i in keep]
    outputs, seconds = common.run_vocan([{"text": all_rows[i]["text"]} for i in keep], lang)
    pred = [common.vocan_sentiment3(o) for o in outputs]
    f1, acc = common.macro_f1(gold, pred, common.SENTIMENT3)
    result = {
        "set": name, "file": rel, "lang": lang, "rows": len(keep),
        "vocan": {"macro_f1": f1, "accuracy": acc, "missing": outputs.count(None), "seconds": seconds},
        "peers": {},
    }
    if with_peers:
        for peer in PEERS_BY_LANG[lang]:
            peer_all = common.peer_predict(peer, path)
            pf1, pacc = common.macro_f1(gold, [peer_all[i] for i in keep], common.SENTIMENT3)
            result["peers"][peer] = {"macro_f1": pf1, "accuracy": pacc}
    if result["peers"]:
        best = max(result["peers"], key=lambda p: result["peers"][p]["macro_f1"])
        delta = f1 - result["peers"][best]["macro_f1"]
        result.update(best_peer=best, delta=delta, target_met=delta >= TARGET_DELTA)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="store_true", help="German train splits, vocan only")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--no-peers", action="store_true", help="vocan only")
    args = ap.parse_args()

    sets = TRAIN_SETS if args.train else DEV_SETS
    with_peers = not args.train and not args.no_peers and common.peers_enabled()
    results = [evaluate(*s, with_peers) for s in sets]
    if args.json:
        print(json.dumps(results, indent=2))
        return

    print(f"Sentiment, macro-F1 over positive/negative/neutral (accuracy); "
          f"{'train' if args.train else 'dev'} sets; target: vocan >= best peer + {TARGET_DELTA:.2f}")
    table = []
    for r in results:
        v = r["vocan"]
        peer = r.get("best_peer")
        table.append([
            r["set"], r["lang"], r["rows"], common.fmt(v["macro_f1"], v["accuracy"]), v["missing"],
            peer or "-", common.fmt(r["peers"][peer]["macro_f1"], r["peers"][peer]["accuracy"]) if peer else "-",
            f"{r['delta']:+.3f}" if peer else "-",
            ("yes" if r["target_met"] else "NO") if peer else "-",
        ])
    common.print_table(["set", "lang", "rows", "vocan F1 (acc)", "missing", "best peer",
                        "peer F1 (acc)", "delta", f"delta>={TARGET_DELTA:.2f}"], table)
    if not with_peers and not args.train:
        print("(peers skipped: run bench/setup-peers.sh, or VOCAN_NO_PEERS is set)")


if __name__ == "__main__":
    main()
