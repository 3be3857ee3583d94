#!/usr/bin/env python3
"""Throughput and memory benchmark: vocan as a whole process vs VADER in-process.

Builds English JSONL files in /tmp by cycling the airline_tweets/dev texts (unique ids) and
measures in rounds: each round runs ``vocan analyze FILE --format jsonl --lang auto --output
/dev/null`` once on 100,000 lines (wall time -> comments/s, process start included) and then
times VADER's ``polarity_scores`` in the peer venv on a subset of the same texts (median of 3
passes), and takes the ratio of the two rates. The two alternate because the shared machine's speed drifts by 20% and
more within minutes, for both tools alike: a ratio of rates measured side by side is steadier
than one of rates measured minutes apart. It reports the median of the rounds' ratios (and the
median of each rate), then runs vocan once on 400,000 lines, reading peak RSS from
``/usr/bin/time -v``. Targets: vocan >= 10x VADER's comments/s; peak RSS flat from 100k to 400k
lines (at most 1.25x).

    throughput.py [--rows 100000] [--big-rows 400000] [--runs 5] [--vader-rows 20000] [--json]
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time

import common

TARGET_RATIO = 10.0
FLAT_FACTOR = 1.25
TIME_BIN = "/usr/bin/time"


def build_file(path, n, texts):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"t{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


def run_vocan_timed(path):
    """(wall seconds, peak RSS in MiB or None) of one whole vocan process."""
    if not os.access(common.VOCAN, os.X_OK):
        raise SystemExit(f"bench: vocan binary not found or not executable: {common.VOCAN}")
    cmd = [common.VOCAN, "analyze", path, "--format", "jsonl", "--lang", "auto", "--output", "/dev/null"]
    has_time = os.access(TIME_BIN, os.X_OK)
    if has_time:
        cmd = [TIME_BIN, "-v", *cmd]
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        own = proc.stderr.split("\tCommand being timed:")[0]  # drop /usr/bin/time's report
        raise SystemExit(f"bench: vocan failed ({proc.returncode}): {' '.join(cmd)}\n{own[-2000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr) if has_time else None
    return seconds, (int(m.group(1)) / 1024 if m else None)


def vader_rate(path, n, passes=3):
    """VADER comments/s over the first ``n`` texts of ``path``: the median of ``passes`` timed
    passes in one process, so that a cold first pass does not count against it."""
    proc = subprocess.run([common.VENV_PY, common.PEERS, "vader-speed", path, str(n), str(passes)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench: VADER timing failed:\n{proc.stderr[-2000:]}")
    result = json.loads(proc.stdout)
    return result["rows"] / statistics.median(result["seconds"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--big-rows", type=int, default=400_000)
    ap.add_argument("--runs", type=int, default=5, help="rounds of one vocan run and one VADER pass")
    ap.add_argument("--vader-rows", type=int, default=20_000, help="VADER subset size (rate is per comment)")
    ap.add_argument("--no-peers", action="store_true", help="skip VADER")
    ap.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = ap.parse_args()

    texts = [r["text"] for r in common.read_jsonl(common.eval_path("airline_tweets/dev.jsonl"))]
    with tempfile.TemporaryDirectory(prefix="vocan-throughput-") as tmp:
        small, big = os.path.join(tmp, f"en-{args.rows}.jsonl"), os.path.join(tmp, f"en-{args.big_rows}.jsonl")
        build_file(small, args.rows, texts)
        with_vader = not args.no_peers and common.peers_enabled()
        runs, vader_rates = [], []
        for _ in range(args.runs):
            runs.append(run_vocan_timed(small))
            if with_vader:
                vader_rates.append(vader_rate(small, min(args.vader_rows, args.rows)))
        build_file(big, args.big_rows, texts)
        big_seconds, big_rss = run_vocan_timed(big)

    seconds = statistics.median(s for s, _ in runs)
    rss = [r for _, r in runs if r is not None]
    small_rss = max(rss) if rss else None
    rate = args.rows / seconds
    vader = statistics.median(vader_rates) if vader_rates else None
    ratios = [args.rows / s / v for (s, _), v in zip(runs, vader_rates)]
    ratio = statistics.median(ratios) if ratios else None
    result = {
        "rows": args.rows, "runs": [s for s, _ in runs], "median_seconds": seconds, "vocan_cps": rate,
        "vader_cps": vader, "vader_runs_cps": vader_rates, "round_ratios": ratios, "ratio": ratio,
        "ratio_target_met": (ratio >= TARGET_RATIO) if ratio else None,
        "peak_rss_mib": {str(args.rows): small_rss, str(args.big_rows): big_rss},
        "big_rows_cps": args.big_rows / big_seconds,
        "memory_flat": (big_rss <= FLAT_FACTOR * small_rss) if small_rss and big_rss else None,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return

    print(f"Throughput, {args.rows:,} English lines, whole process, median of {args.runs} rounds; "
          f"target: vocan >= {TARGET_RATIO:.0f}x VADER, memory flat (<= {FLAT_FACTOR}x)")
    print(f"vocan        {rate:12,.0f} comments/s  ({seconds:.2f} s; runs {', '.join(f'{s:.2f}' for s, _ in runs)})")
    if vader:
        print(f"VADER        {vader:12,.0f} comments/s  (in-process, {min(args.vader_rows, args.rows):,} texts;"
              f" rounds {', '.join(f'{v:,.0f}' for v in vader_rates)})")
        print(f"ratio        {ratio:12.1f}x  {'target met' if ratio >= TARGET_RATIO else 'BELOW TARGET'}"
              f"  (median of the rounds' ratios {', '.join(f'{r:.1f}' for r in ratios)})")
    else:
        print("VADER        -  (peers skipped)")
    mib = lambda v: f"{v:.1f} MiB" if v is not None else "n/a"
    print(f"peak RSS     {mib(small_rss)} at {args.rows:,} lines, {mib(big_rss)} at {args.big_rows:,} lines"
          f" ({args.big_rows / big_seconds:,.0f} comments/s)"
          + ("" if result["memory_flat"] is None else "  flat" if result["memory_flat"] else "  NOT FLAT"))


if __name__ == "__main__":
    main()
