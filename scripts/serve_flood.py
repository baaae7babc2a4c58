#!/usr/bin/env python3
"""Memory and latency of `modelprint serve` under a flood of large requests and slow connections.

Usage: serve_flood.py PORT MODEL_NAME PID [--bodies 48] [--rounds 3] [--slow 300]
Sends ROUNDS waves of BODIES concurrent ~3.2 MB infer requests (64 images of 28x28 written with
long decimals), then opens SLOW connections that trickle their body a byte a second and times a
normal request among them; prints the server's resident memory (VmRSS, VmHWM from /proc/PID/status)
before and after. Standard library only.
"""
import http.client
import socket
import sys
import threading
import time


def rss(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields.get("VmRSS"), fields.get("VmHWM")


def body(images=256):
    values = ",".join(["0.123456789012"] * (images * 784))
    return ('{"inputs":[{"name":"input","shape":[%d,1,28,28],"datatype":"FP32","data":[%s]}]}' % (images, values)).encode()


def post(port, path, payload, results):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.request("POST", path, payload, {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        results.append(response.status)
    except Exception as e:  # noqa: BLE001 - report any failure as a result
        results.append(repr(e))


def main():
    port, name, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    args = dict(zip(sys.argv[4::2], sys.argv[5::2]))
    bodies, rounds, slow = int(args.get("--bodies", 48)), int(args.get("--rounds", 3)), int(args.get("--slow", 300))
    path = f"/v2/models/{name}/infer"
    payload = body()
    print(f"body {len(payload) / 1e6:.1f} MB; before: VmRSS {rss(pid)[0]}, VmHWM {rss(pid)[1]}")
    for r in range(rounds):
        results = []
        threads = [threading.Thread(target=post, args=(port, path, payload, results)) for _ in range(bodies)]
        start = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        codes = {}
        for c in map(str, results):
            codes[c] = codes.get(c, 0) + 1
        print(f"round {r + 1}: {bodies} bodies in {time.time() - start:.1f} s, answers {codes}; VmRSS {rss(pid)[0]}, VmHWM {rss(pid)[1]}")
    sockets = []
    for _ in range(slow):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n{{".encode())
        sockets.append(s)
    stop = threading.Event()

    def trickle():
        while not stop.is_set():
            for s in sockets:
                try:
                    s.send(b" ")
                except OSError:
                    pass
            time.sleep(1)

    threading.Thread(target=trickle, daemon=True).start()
    time.sleep(3)
    results = []
    start = time.time()
    post(port, path, body(1), results)
    print(f"{slow} slow-body connections: a normal request answered {results[0]} in {time.time() - start:.2f} s")
    stop.set()
    for s in sockets:
        s.close()
    time.sleep(2)
    print(f"after: VmRSS {rss(pid)[0]}, VmHWM {rss(pid)[1]}")


if __name__ == "__main__":
    main()
