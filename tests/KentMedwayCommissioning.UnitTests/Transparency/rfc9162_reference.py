"""RFC 9162 section 2.1 written out literally (MTH, PATH, PROOF), as an implementation independent of the C# one.

Prints, as JSON, for trees of 0 to N leaves (leaf i is the bytes of str(i) * i): every root, every audit path and
every consistency proof, hashes in hex.
"""
import hashlib
import json
import sys


def h(data):
    return hashlib.sha256(data).digest()


def k_of(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d):
    if len(d) == 0:
        return h(b"")
    if len(d) == 1:
        return h(b"\x00" + d[0])
    k = k_of(len(d))
    return h(b"\x01" + mth(d[:k]) + mth(d[k:]))


def path(m, d):
    if len(d) == 1:
        return []
    k = k_of(len(d))
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = k_of(n)
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]


def leaf(i):
    return str(i).encode() * i


n = int(sys.argv[1])
leaves = [leaf(i) for i in range(n)]
out = {"roots": [], "paths": {}, "proofs": {}}
for size in range(n + 1):
    d = leaves[:size]
    out["roots"].append(mth(d).hex())
    for m in range(size):
        out["paths"]["%d/%d" % (m, size)] = [x.hex() for x in path(m, d)]
    for first in range(1, size):
        out["proofs"]["%d/%d" % (first, size)] = [x.hex() for x in subproof(first, d, True)]
json.dump(out, sys.stdout)
