#!/usr/bin/env bash
# Create .venv-bench at the repo root and install the peer tools vocan is compared with:
# vaderSentiment (en sentiment), textblob 0.15.3 + textblob-de (de sentiment),
# nrclex 4.1.0 (en NRC emotion lexicon, installed without deps so pip keeps the textblob pin),
# scikit-learn (macro-F1 cross-check, topic baselines). Idempotent: re-running only checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-bench"
PY="$VENV/bin/python"

if [ ! -x "$PY" ]; then
    echo "setup-peers: creating $VENV"
    python3 -m venv "$VENV"
fi

check() {
    "$PY" - <<'PY' 2>/dev/null
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
from textblob_de import TextBlobDE, PatternTokenizer
import nrclex, os, sklearn
assert os.path.exists(os.path.join(os.path.dirname(nrclex.__file__), "data", "nrc_en.json"))
assert SentimentIntensityAnalyzer().polarity_scores("great")["compound"] > 0
assert TextBlobDE("Das ist sehr gut.", tokenizer=PatternTokenizer()).sentiment.polarity > 0
PY
}

if check; then
    echo "setup-peers: peers already installed in $VENV"
    exit 0
fi

echo "setup-peers: installing peers into $VENV"
"$PY" -m pip install --quiet --upgrade pip
"$PY" -m pip install --quiet vaderSentiment "textblob==0.15.3" textblob-de scikit-learn
# nrclex 3.0.0 (what pip picks with the textblob pin) lacks the bundled lexicon file.
"$PY" -m pip install --quiet --no-deps "nrclex==4.1.0"

if check; then
    echo "setup-peers: ok"
else
    echo "setup-peers: peers installed but the import check failed" >&2
    "$PY" -c "from textblob_de import TextBlobDE, PatternTokenizer; import nrclex, vaderSentiment, sklearn" >&2 || true
    exit 1
fi
