#!/usr/bin/env python3
"""Re-check a modelprint evidence log without modelprint and without trusting the service that holds it.

Input: the log as JSON ({"records": [...]}: `modelprint registry log --format json`, or the pages of
GET /api/v1/evidence saved one file each, given in order) and the registry's public key as its operator
published it (modelprint.pub: base64 of the key's X.509 encoding). Recomputes every record's hash from its
fields (docs/registry.md, "Evidence log"), the chain from the first record, and the registry's Ed25519
signatures. --head HASH: a head published earlier must still be in the chain (a rewrite drops it).
Exit 0 when everything holds, 1 at the first record that does not. Needs python3-cryptography.
"""
import argparse
import base64
import hashlib
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import load_der_public_key

FIELDS = ["seq", "recordedAt", "toolVersion", "suspect", "suspectSha256", "suspectMetadata", "fingerprintId",
          "fingerprintSha256", "scheme", "queries", "answersSha256", "similarity", "threshold", "pValue", "verdict",
          "previousHash"]


def value(v):
    # numbers keep the text they were written with (Java's Double.toString, as the hash used): parse_float=str
    if v is None:
        return "\\N"
    return str(v).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def canonical(record):
    version = record["hashVersion"]
    fields = FIELDS + (["owner", "ownerKey"] if version != 1 else [])
    return "modelprint-evidence-v%d\n" % version + "".join("%s=%s\n" % (f, value(record[f])) for f in fields)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", nargs="+", help="JSON files with a records array, in order")
    parser.add_argument("--registry-key", required=True, help="the registry's modelprint.pub, as published")
    parser.add_argument("--head", help="a head hash published earlier: it must be a record of this chain")
    args = parser.parse_args()
    records = []
    for name in args.logs:
        with open(name) as f:
            records += json.load(f, parse_float=str)["records"]
    with open(args.registry_key) as f:
        der = base64.b64decode(f.read().strip())
    key = load_der_public_key(der)
    key_id = hashlib.sha256(der).hexdigest()
    previous, signed_through = "0" * 64, 0
    for expected_seq, r in enumerate(records, start=1):
        seq = r["seq"]
        problem = None
        if seq != expected_seq:
            problem = "expected record %d here (a record was removed or reordered)" % expected_seq
        elif r["previousHash"] != previous:
            problem = "does not follow the record before it"
        elif hashlib.sha256(canonical(r).encode("utf-8")).hexdigest() != r["recordHash"]:
            problem = "was changed: its fields no longer hash to its recordHash"
        elif r.get("registrySignature"):
            if r.get("registryKey") != key_id:
                problem = "is signed by key %s, not by the registry's key %s" % (r.get("registryKey"), key_id)
            else:
                try:
                    key.verify(base64.b64decode(r["registrySignature"]),
                               ("modelprint-evidence-signature-v1\n%s\n" % r["recordHash"]).encode("ascii"))
                    signed_through = seq
                except InvalidSignature:
                    problem = "carries a signature that does not verify"
        if problem:
            print("record %s %s" % (seq, problem))
            return 1
        previous = r["recordHash"]
    if args.head and args.head not in {r["recordHash"] for r in records} | ({"0" * 64} if not records else set()):
        print("the published head %s is not in this chain: the log was rewritten" % args.head)
        return 1
    unsigned = [r["seq"] for r in records if r["seq"] > signed_through and r["hashVersion"] != 1]
    if unsigned:
        print("records %d to %d carry no registry signature" % (unsigned[0], unsigned[-1]))
        return 1
    print("%d records, chain intact, registry signatures verified through record %d (key %s); head %s"
          % (len(records), signed_through, key_id[:16], previous))
    return 0


if __name__ == "__main__":
    sys.exit(main())
