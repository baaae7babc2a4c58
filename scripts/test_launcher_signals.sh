#!/usr/bin/env bash
# The launcher passes TERM and INT on to the JVM: stopping `./modelprint serve` (as a supervisor,
# `timeout` or a script does) must stop the Java server too, not leave it running on its port.
# Run by ./test after the Maven build, against the jar it made.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt
launcher=
# on any failure, take the launcher's whole process group (launcher, JVM, stderr filter) down with us
cleanup() { if [ -n "$launcher" ]; then kill -KILL -- "-$launcher" 2>/dev/null || true; fi; }
trap cleanup EXIT
fail() { echo "launcher signal test: $*" >&2; exit 1; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# job control: a background job of a script otherwise starts with SIGINT ignored, and a shell cannot trap a
# signal it was started ignoring (as a launcher run from a terminal is not)
set -m
for signal in TERM INT; do
  log="$(mktemp)"
  ./modelprint serve --model "$MODEL" --port 0 2>"$log" &
  launcher=$!
  port=
  for _ in $(seq 1 120); do
    port="$(sed -n 's#.*at http://127.0.0.1:\([0-9]*\).*#\1#p' "$log" | head -1)"
    [ -n "$port" ] && break
    sleep 0.5
  done
  [ -n "$port" ] || { cat "$log" >&2; fail "serve did not start"; }
  answers "$port" || fail "serve is not answering on $port"
  kill -"$signal" "$launcher"
  for _ in $(seq 1 40); do
    kill -0 "$launcher" 2>/dev/null || break
    sleep 0.25
  done
  kill -0 "$launcher" 2>/dev/null && fail "the launcher is still running 10 s after SIG$signal"
  if answers "$port"; then
    fail "the server still answers on port $port after SIG$signal to the launcher (orphaned JVM)"
  fi
  rm -f "$log"
  launcher=
  echo "launcher signal test: SIG$signal stops serve (port $port released)"
done
