#!/usr/bin/env bash
# Run the whole vocan benchmark: build vocan (release, static Swift runtime) unless VOCAN_BIN is set, set up the
# peer venv (skip with --no-peers), then sentiment (dev and German train sets), emotions,
# signals and throughput. Exits non-zero if a step fails; a missed target is not a failure.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

NO_PEERS=0
for arg in "$@"; do
    case "$arg" in
        --no-peers) NO_PEERS=1 ;;
        -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
        *) echo "run-all: unknown argument $arg" >&2; exit 2 ;;
    esac
done

if [ -z "${VOCAN_BIN:-}" ]; then
    # The binary as distributed: release mode with the Swift runtime linked in (starts faster).
    echo "== swift build -c release --static-swift-stdlib --product vocan"
    swift build -c release --static-swift-stdlib --product vocan || { echo "run-all: build failed" >&2; exit 1; }
    export VOCAN_BIN="$ROOT/.build/release/vocan"
fi
echo "vocan: $VOCAN_BIN"

if [ "$NO_PEERS" = 1 ]; then
    export VOCAN_NO_PEERS=1
else
    echo "== setup-peers"
    bash bench/setup-peers.sh || { echo "run-all: setup-peers failed" >&2; exit 1; }
fi

failed=()
step() {
    echo
    echo "== $*"
    python3 "$@" || failed+=("$*")
}
step bench/sentiment.py
step bench/sentiment.py --train
step bench/emotions.py
step bench/signals.py
step bench/throughput.py

echo
if [ ${#failed[@]} -gt 0 ]; then
    printf 'run-all: FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "run-all: all benchmark scripts ran"
