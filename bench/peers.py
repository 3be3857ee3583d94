"""Peer tools, run inside .venv-bench (``bench/setup-peers.sh``); called by the bench scripts.

    peers.py vader|textblob-de|nrc FILE.jsonl   -> JSON list, one prediction per row of FILE
    peers.py vader-speed FILE.jsonl N RUNS      -> JSON {"rows", "seconds": [...]} for N texts

vader:       3-class label from the compound score (>= 0.05 positive, <= -0.05 negative).
textblob-de: 3-class label from polarity (> 0 positive, < 0 negative), PatternTokenizer
             because the default splitter needs NLTK data that is not installed.
nrc:         strongest Plutchik emotion by NRC word counts (nrclex's bundled lexicon),
             positive/negative excluded, ties -> first alphabetically, no hit -> null.
"""

import json
import re
import sys
import time

PLUTCHIK = ("anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust")


def texts_of(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def vader(texts):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    out = []
    for text in texts:
        c = sia.polarity_scores(text)["compound"]
        out.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return out


def textblob_de(texts):
    from textblob_de import PatternTokenizer, TextBlobDE

    tokenizer = PatternTokenizer()
    out = []
    for text in texts:
        p = TextBlobDE(text, tokenizer=tokenizer).sentiment.polarity
        out.append("positive" if p > 0 else "negative" if p < 0 else "neutral")
    return out


def nrc(texts):
    from nrclex import NRCLex

    lex = NRCLex()
    out = []
    for text in texts:
        # Plain lowercase word tokens: NRCLex.load_raw_text would lemmatize with NLTK data we lack.
        lex.load_token_list(re.findall(r"[a-z']+", text.lower()))
        counts = lex.raw_emotion_scores
        best, best_n = None, 0
        for emotion in PLUTCHIK:  # alphabetical, so ties keep the first
            if counts.get(emotion, 0) > best_n:
                best, best_n = emotion, counts[emotion]
        out.append(best)
    return out


def vader_speed(texts, n, runs):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    batch = [texts[i % len(texts)] for i in range(n)]
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        for text in batch:
            sia.polarity_scores(text)
        seconds.append(time.perf_counter() - start)
    return {"rows": n, "seconds": seconds}


def main():
    peer, path = sys.argv[1], sys.argv[2]
    texts = texts_of(path)
    if peer == "vader-speed":
        result = vader_speed(texts, int(sys.argv[3]), int(sys.argv[4]))
    else:
        result = {"vader": vader, "textblob-de": textblob_de, "nrc": nrc}[peer](texts)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
