#!/usr/bin/env python3
"""Checks the Kent and Medway Commissioning register of decisions without trusting the site that serves it.

Needs Python 3.8+ and nothing else, except the `cryptography` module for the Ed25519 signature checks
(`pip install cryptography` or `apt-get install python3-cryptography`).

  verify_register.py export FILE... [--checkpoint CHECKPOINT --key KEY]
      Re-checks a whole export, streaming, in constant memory: /decisions.csv with no filters, or every page of
      /api/v1/decisions (in the order the `next` links give them). For each entry it checks that every field matches
      the entry's canonical form (so a changed outcome is caught, not only a changed `canonical`), that the hash chain
      holds, and it rebuilds the Merkle tree's root; with a checkpoint, that the root and size are the signed ones.
  verify_register.py checkpoint CHECKPOINT --key KEY [--witness-key WITNESS]
      Checks a checkpoint's signature and prints its size and root; with a witness's key, also that witness's
      C2SP tlog-cosignature on it (the witness checked it was consistent with every checkpoint it saw before).
  verify_register.py inclusion URL SEQUENCE --key KEY
      Fetches the site's checkpoint, decision SEQUENCE and its audit path, and checks that the decision, exactly as
      published, is in the signed tree.
  verify_register.py consistency URL OLD_CHECKPOINT --key KEY
      Checks that the site's checkpoint now extends OLD_CHECKPOINT, saved earlier: nothing published was changed
      or removed since.
  verify_register.py witness URL --key KEY --state FILE
      Does the consistency check against the checkpoint saved in FILE by the previous run, then saves the new one.
      Run it daily: it fails loudly (exit status 1) if the register was rewritten, truncated or forked.

KEY is the site's verifier key (from /decisions/verifier-key, kept by you), or a file holding it. URL is the site's
address, such as https://decisions.example.nhs.uk. Exit status: 0 checked, 1 a check failed, 2 bad usage or input.
"""
import base64
import csv
import hashlib
import json
import os
import sys
import time
import urllib.request

GENESIS = "0" * 64
EM_DASH = "\u2014"
# Fields of an export row that are not part of an entry's canonical form: the form itself, the chain's hashes and
# which fields it carries, and two derived from the canonical form (checked against it below).
NOT_CANONICAL = {"canonical", "canonical_fields", "previous_hash", "hash", "url", "meeting_date_precision"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CheckFailed(Exception):
    pass


def sha256(data):
    return hashlib.sha256(data).digest()


def leaf_hash(canonical):
    return sha256(b"\x00" + canonical.encode("utf-8"))


def node_hash(left, right):
    return sha256(b"\x01" + left + right)


def snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


class StreamingRoot:
    """The Merkle root (RFC 9162) of leaves read first to last or last to first, holding O(log n) hashes."""

    def __init__(self):
        self.finished = []  # (level, index, hash), the complete subtrees not yet merged

    def add(self, index, digest):
        level = 0
        while self.finished and self.finished[-1][0] == level and self.finished[-1][1] ^ index == 1:
            _, other, other_hash = self.finished.pop()
            digest = node_hash(other_hash, digest) if other < index else node_hash(digest, other_hash)
            level, index = level + 1, index >> 1
        self.finished.append((level, index, digest))

    def root(self):
        if not self.finished:
            return sha256(b"")
        ordered = sorted(self.finished, key=lambda node: node[1] << node[0])
        digest = ordered[-1][2]
        for _, _, left in reversed(ordered[:-1]):
            digest = node_hash(left, digest)
        return digest


def verify_inclusion(index, size, digest, path, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, digest
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_root, second_root, proof):
    """RFC 9162 section 2.1.4.2."""
    if first > second:
        return False
    if first == second:
        return not proof and first_root == second_root
    if first == 0:
        return not proof
    path = list(proof)
    if first & (first - 1) == 0:
        path.insert(0, first_root)
    if not path:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == first_root and sr == second_root


# --- signed notes (C2SP signed-note) and checkpoints (C2SP tlog-checkpoint) -------------------------------------

def read_key(value):
    if os.path.isfile(value):
        with open(value, encoding="utf-8") as f:
            value = f.read()
    value = value.strip()
    try:
        name, key_id, encoded = value.split("+", 2)
        key = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise CheckFailed("the verifier key does not read name+key id+key")
    if len(key) != 33 or key[0] != 1:
        raise CheckFailed("the verifier key is not an Ed25519 key")
    if sha256(name.encode() + b"\n" + key)[:4].hex() != key_id:
        raise CheckFailed("the verifier key's id does not match its name and key")
    return name, bytes.fromhex(key_id), key[1:]


def open_checkpoint(note, key):
    """The checkpoint's (size, root) when the note is signed by the key; otherwise CheckFailed."""
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        sys.stderr.write("cannot check signatures: install Python's cryptography module\n")
        sys.exit(2)
    name, key_id, public = key
    split = note.rfind("\n\n")
    if split < 0 or not note.endswith("\n"):
        raise CheckFailed("this is not a signed note")
    text = note[: split + 1]
    signed = False
    for line in note[split + 2 : -1].split("\n"):
        parts = line[2:].split(" ") if line.startswith(EM_DASH + " ") else []
        if len(parts) != 2 or parts[0] != name:
            continue
        signature = base64.b64decode(parts[1])
        if len(signature) != 68 or signature[:4] != key_id:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(signature[4:], text.encode("utf-8"))
            signed = True
        except InvalidSignature:
            pass
    if not signed:
        raise CheckFailed("the checkpoint is not signed by the key %s: wrong key, or it was changed" % name)
    lines = text.split("\n")
    if len(lines) < 4 or lines[0] != name:
        raise CheckFailed("the checkpoint is not a checkpoint of the log %s" % name)
    root = base64.b64decode(lines[2])
    if not lines[1].isdigit() or len(root) != 32:
        raise CheckFailed("the checkpoint's size or root is malformed")
    return int(lines[1]), root


def verify_cosignature(note, witness_key):
    """When the witness (name+id+base64(0x04 || key)) cosigned the checkpoint, as C2SP tlog-cosignature/v1 says."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    value = witness_key
    if os.path.isfile(value):
        with open(value, encoding="utf-8") as f:
            value = f.read()
    try:
        name, key_id, encoded = value.strip().split("+", 2)
        key = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise CheckFailed("the witness key does not read name+key id+key")
    if len(key) != 33 or key[0] != 4 or sha256(name.encode() + b"\n" + key)[:4].hex() != key_id:
        raise CheckFailed("the witness key is not a cosignature key, or its id does not match")
    split = note.find("\n\n")
    text = note[: split + 1]
    for line in note[split + 2 :].split("\n"):
        parts = line[2:].split(" ") if line.startswith(EM_DASH + " ") else []
        if len(parts) != 2 or parts[0] != name:
            continue
        signature = base64.b64decode(parts[1])
        if len(signature) != 76 or signature[:4].hex() != key_id:
            continue
        seconds = int.from_bytes(signature[4:12], "big")
        message = ("cosignature/v1\ntime %d\n" % seconds + text).encode("utf-8")
        try:
            Ed25519PublicKey.from_public_bytes(key[1:]).verify(signature[12:], message)
            return seconds
        except InvalidSignature:
            pass
    raise CheckFailed("the checkpoint is not cosigned by the witness %s" % name)


# --- entries ---------------------------------------------------------------------------------------------------

def check_fields(entry, from_csv):
    """Checks that every field of an export row matches the entry's canonical form, which its hash covers."""
    canonical = json.loads(entry["canonical"])
    sequence = canonical.get("sequence")
    fields = entry.get("canonical_fields", entry.get("canonicalFields"))
    if fields is not None:
        listed = fields.split(" ") if from_csv else fields
        if listed != list(canonical):
            raise CheckFailed("entry %s: canonical_fields does not list the fields of its canonical form" % sequence)
    uncovered = []
    for column, value in entry.items():
        name = snake(column)
        if name in NOT_CANONICAL:
            continue
        if name not in canonical:
            uncovered.append(name)
            continue
        expected = canonical[name]
        if from_csv:
            expected = "" if expected is None else str(expected)
            # The site's CSV prefixes a cell a spreadsheet would run as a formula with ' (OWASP's advice).
            if expected[:1] in FORMULA_STARTS and value == "'" + expected:
                value = expected
        if value != expected:
            raise CheckFailed("entry %s: %s is %r, but the entry as published says %r" % (sequence, name, value, expected))
    if "url" in entry and entry["url"] != "/decisions/%s" % sequence:
        raise CheckFailed("entry %s: url %s does not lead to it" % (sequence, entry["url"]))
    precision = entry.get("meeting_date_precision", entry.get("meetingDatePrecision", False))
    if precision is not False:
        iso = canonical.get("meeting_date_iso")
        expected = None if iso is None else {4: "year", 7: "month", 10: "day"}.get(len(iso), "time")
        if precision != (("" if expected is None else expected) if from_csv else expected):
            raise CheckFailed("entry %s: meeting_date_precision is %r, but its meeting_date_iso says %r" % (sequence, precision, expected))
    return canonical, uncovered


def entries_of(paths):
    for path in paths:
        if path.endswith(".csv"):
            csv.field_size_limit(sys.maxsize)
            with open(path, newline="", encoding="utf-8-sig") as export:
                for row in csv.DictReader(export):
                    yield row, True
        else:
            with open(path, encoding="utf-8") as page:
                document = json.load(page)
            for item in document["items"] if isinstance(document, dict) and "items" in document else [document]:
                yield item, False


def check_export(paths, checkpoint=None):
    """Checks an export in either order, newest first as served or oldest first; returns (entries, head, root)."""
    tree = StreamingRoot()
    count, uncovered = 0, set()
    first = last = None
    direction = None
    for entry, from_csv in entries_of(paths):
        canonical, missing = check_fields(entry, from_csv)
        uncovered.update(missing)
        sequence = int(canonical["sequence"])
        previous_hash = entry.get("previous_hash", entry.get("previousHash"))
        if hashlib.sha256((previous_hash + "\n" + entry["canonical"]).encode("utf-8")).hexdigest() != entry["hash"]:
            raise CheckFailed("entry %d does not match its hash" % sequence)
        if sequence == 1 and previous_hash != GENESIS:
            raise CheckFailed("entry 1 does not start from the genesis hash")
        if last is None:
            first = (sequence, entry["hash"])
        else:
            step = sequence - last[0]
            if step not in (1, -1) or step != (direction or step):
                raise CheckFailed("entry %d follows entry %d: an entry is missing or repeated" % (sequence, last[0]))
            direction = step
            # The newer of the two rows must point at the older one's hash.
            points_at, older_hash = (previous_hash, last[1]) if step == 1 else (last[2], entry["hash"])
            if points_at != older_hash:
                raise CheckFailed("entry %d does not point at the hash of the entry before it" % max(sequence, last[0]))
        tree.add(sequence - 1, leaf_hash(entry["canonical"]))
        last = (sequence, entry["hash"], previous_hash)
        count += 1
    if count and min(first[0], last[0]) != 1:
        raise CheckFailed("the export does not reach entry 1: check the whole register, with no filters")
    head = GENESIS if not count else (last[1] if direction == 1 else first[1])
    root = tree.root()
    if checkpoint is not None:
        size, signed_root = checkpoint
        if size != count or signed_root != root:
            raise CheckFailed("the export's %d entries have Merkle root %s, but the checkpoint signs %d entries with root %s"
                              % (count, base64.b64encode(root).decode(), size, base64.b64encode(signed_root).decode()))
    if uncovered:
        print("note: %s not covered by the canonical form of entries published before version 2" % ", ".join(sorted(uncovered)))
    return count, head, root


# --- the site --------------------------------------------------------------------------------------------------

def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": "verify_register.py"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read().decode("utf-8")


def check_consistent(site, old, new):
    (old_size, old_root), (new_size, new_root) = old, new
    if new_size < old_size:
        raise CheckFailed("the register shrank from %d to %d entries: entries were removed" % (old_size, new_size))
    if new_size == old_size:
        if new_root != old_root:
            raise CheckFailed("two different checkpoints of %d entries: the register was forked or rewritten" % new_size)
        return
    if old_size == 0:
        return
    proof = json.loads(fetch("%s/api/v1/decisions/consistency?first=%d&second=%d" % (site, old_size, new_size)))["proof"]
    if not verify_consistency(old_size, new_size, old_root, new_root, [base64.b64decode(p) for p in proof]):
        raise CheckFailed("the register of %d entries does not extend the one of %d saved earlier: it was rewritten" % (new_size, old_size))


def main(argv):
    args, options = [], {}
    it = iter(argv)
    for arg in it:
        if arg.startswith("--"):
            options[arg[2:]] = next(it, None)
        else:
            args.append(arg)
    if not args:
        sys.stderr.write(__doc__)
        return 2
    command, rest = args[0], args[1:]
    key = read_key(options["key"]) if options.get("key") else None
    if command != "export" and key is None:
        sys.stderr.write("give the site's verifier key with --key\n")
        return 2
    if command == "export":
        checkpoint = None
        if options.get("checkpoint"):
            if key is None:
                sys.stderr.write("a checkpoint is checked with the site's verifier key: give --key\n")
                return 2
            with open(options["checkpoint"], encoding="utf-8") as f:
                checkpoint = open_checkpoint(f.read(), key)
        count, head, root = check_export(rest, checkpoint)
        print("intact", count, head, base64.b64encode(root).decode())
    elif command == "checkpoint":
        with open(rest[0], encoding="utf-8") as f:
            note = f.read()
        size, root = open_checkpoint(note, key)
        print("signed", size, base64.b64encode(root).decode())
        if options.get("witness-key"):
            seconds = verify_cosignature(note, options["witness-key"])
            print("cosigned", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds)))
    elif command == "inclusion":
        site, sequence = rest[0].rstrip("/"), int(rest[1])
        size, root = open_checkpoint(fetch(site + "/decisions/checkpoint"), key)
        entry = json.loads(fetch("%s/api/v1/decisions/%d" % (site, sequence)))
        check_fields(entry, False)
        proof = json.loads(fetch("%s/api/v1/decisions/%d/inclusion?tree_size=%d" % (site, sequence, size)))
        path = [base64.b64decode(p) for p in proof["auditPath"]]
        if not verify_inclusion(sequence - 1, size, leaf_hash(entry["canonical"]), path, root):
            raise CheckFailed("decision %d, as published, is not in the signed tree of %d entries" % (sequence, size))
        print("included", sequence, size, base64.b64encode(root).decode())
    elif command in ("consistency", "witness"):
        site = rest[0].rstrip("/")
        state = rest[1] if command == "consistency" else options.get("state")
        if not state:
            sys.stderr.write("give the file that keeps the last checkpoint with --state\n")
            return 2
        note = fetch(site + "/decisions/checkpoint")
        new = open_checkpoint(note, key)
        if os.path.exists(state):
            with open(state, encoding="utf-8") as f:
                check_consistent(site, open_checkpoint(f.read(), key), new)
        elif command == "consistency":
            raise CheckFailed("there is no saved checkpoint at %s" % state)
        if command == "witness":
            with open(state + ".new", "w", encoding="utf-8") as f:
                f.write(note)
            os.replace(state + ".new", state)
        print("consistent", new[0], base64.b64encode(new[1]).decode())
    else:
        sys.stderr.write("unknown command %s\n" % command)
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except CheckFailed as failure:
        sys.stderr.write("REGISTER CHECK FAILED: %s\n" % failure)
        sys.exit(1)
