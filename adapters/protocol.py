"""The external-strategy protocol of genproof, shared by the peer adapters (standard library only).

The harness starts an adapter once and speaks newline-delimited JSON on its stdin/stdout:
    request:  {"policy": <IAM policy document>, "unused": ["s3:GetBucketAcl", ...], "catalog": "/abs/path.json"}
    response: {"policy": <refined policy document>}  or  {"error": "<message>"}
one response line per request line, in order, until stdin closes. stderr is free for diagnostics.

An adapter supplies one function, minimize(desired, catalog) -> list of Action entries, and calls serve():
this module does the rest (the loop, catalogs, walking the policy, errors).
"""

import collections
import copy
import functools
import json
import os
import re
import sys
import traceback

# No bytecode: as root, Python would otherwise write __pycache__ into the read-only data folder ../shared/peers.
sys.dont_write_bytecode = True

ADAPTERS_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(ADAPTERS_DIR)

# Only A-Z fold (spec §2: ASCII-only folding); str.lower() would also fold Latin-1 letters such as 'À'.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text):
    """ASCII lower case, the folding IAM matching and every engine of the harness use."""
    return text.translate(_ASCII_LOWER)


# ---------------------------------------------------------------------------------------------------------------
# Peers: the third-party code sits beside the repository, never inside it.

def peers_dir():
    """../shared/peers relative to the repository root, or $GENPROOF_PEERS when set (e.g. another checkout)."""
    return os.environ.get("GENPROOF_PEERS") or os.path.join(os.path.dirname(REPO_ROOT), "shared", "peers")


def import_path_for_peer(folder):
    """Puts ../shared/peers/<folder> first on sys.path so the peer's own package is imported from there."""
    path = os.path.join(peers_dir(), folder)
    if not os.path.isdir(path):
        raise SystemExit(f"peer folder not found: {path} (set GENPROOF_PEERS to the folder holding {folder}/)")
    sys.path.insert(0, path)
    return path


# ---------------------------------------------------------------------------------------------------------------
# IAM matching: '*' any sequence (also empty), '?' exactly one character, ASCII case-insensitive, whole string.

@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern):
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    # DOTALL: '?' and '*' stand for any character of policy text, newline included ("all strings", spec §2).
    return re.compile(body, re.ASCII | re.IGNORECASE | re.DOTALL)


def matches(pattern, action):
    return compile_pattern(pattern).fullmatch(action) is not None


class Catalog:
    """A catalog in the shared format: {"source", "date", "services": {"s3": ["GetObject", ...]}}."""

    def __init__(self, path, document):
        services = document.get("services") if isinstance(document, dict) else None
        if not isinstance(services, dict) or not services:
            raise ValueError(f"catalog {path}: expected an object with a non-empty \"services\" object")
        self.path = path
        self.by_service = {}  # folded service prefix -> ["s3:GetObject", ...] in the catalog's spelling
        for service, names in services.items():
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ValueError(f"catalog {path}: services.{service} must be an array of strings")
            self.by_service[fold(service)] = [f"{service}:{name}" for name in names]
        self.actions = [a for actions in self.by_service.values() for a in actions]
        self.folded = {fold(a) for a in self.actions}  # what the lower-casing peers take as their action list

    def matching(self, pattern):
        """The catalog actions (catalog spelling, catalog order) that an Action entry grants."""
        service, colon, _ = pattern.partition(":")
        if pattern == "*":
            return list(self.actions)
        if colon and "*" not in service and "?" not in service:
            candidates = self.by_service.get(fold(service), [])  # a plain service prefix: scan one service only
        else:
            candidates = self.actions
        regex = compile_pattern(pattern)
        return [a for a in candidates if regex.fullmatch(a)]


_catalogs = collections.OrderedDict()  # (path, mtime, size) -> Catalog, most recently used last
_CATALOG_CACHE_SIZE = 8


def load_catalog(path):
    """Loads a catalog once per path. The key includes mtime and size because a campaign may rewrite a temporary
    file under the same name with another random catalog."""
    if not isinstance(path, str) or not os.path.isabs(path):
        raise ValueError(f"\"catalog\" must be an absolute path, got {json.dumps(path)}")
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key in _catalogs:
        _catalogs.move_to_end(key)
        return _catalogs[key]
    with open(path, encoding="utf-8") as f:
        catalog = Catalog(path, json.load(f))
    _catalogs[key] = catalog
    while len(_catalogs) > _CATALOG_CACHE_SIZE:
        _catalogs.popitem(last=False)
    return catalog


# ---------------------------------------------------------------------------------------------------------------
# Walking a policy: only Allow statements with an Action list are the minimizer's business.

def _as_list(value):
    """IAM allows a single value where a list is expected (Statement object, Action string)."""
    return value if isinstance(value, list) else [value]


def refine_policy(policy, unused, catalog, minimize):
    """Returns a refined copy of policy. For each Allow+Action statement, desired = the catalog actions it grants
    minus the unused ones, and minimize(desired, catalog) becomes its Action. Deny, NotAction and every other key
    are left as they are; a statement whose Action list ends up empty is removed."""
    if not isinstance(policy, dict) or "Statement" not in policy:
        raise ValueError("\"policy\" must be an object with a \"Statement\"")
    if not isinstance(unused, list) or not all(isinstance(u, str) for u in unused):
        raise ValueError("\"unused\" must be an array of strings")
    unused_folded = {fold(u) for u in unused}
    result = copy.deepcopy(policy)  # the caller's document stays intact (the peers mutate what they are given)
    single = not isinstance(result["Statement"], list)
    statements = _as_list(result["Statement"])
    kept = []
    for index, statement in enumerate(statements):
        if not isinstance(statement, dict):
            raise ValueError(f"Statement[{index}] must be an object")
        effect = statement.get("Effect")
        if effect not in ("Allow", "Deny"):
            raise ValueError(f"Statement[{index}].Effect must be \"Allow\" or \"Deny\", got {json.dumps(effect)}")
        if effect == "Allow" and "Action" in statement:
            actions = _refine_actions(statement["Action"], unused_folded, catalog, minimize, index)
            if not actions:
                continue  # nothing left to grant: the statement goes
            statement["Action"] = actions
        kept.append(statement)
    result["Statement"] = kept[0] if single and len(kept) == 1 else kept
    return result


def _refine_actions(action, unused_folded, catalog, minimize, index):
    entries = _as_list(action)
    if not all(isinstance(e, str) for e in entries):
        raise ValueError(f"Statement[{index}].Action must be a string or an array of strings")
    granted = {}  # folded -> catalog spelling; a dict keeps catalog order and removes duplicates
    unknown = []  # entries that grant no catalog action
    for entry in entries:
        found = catalog.matching(entry)
        if not found:
            unknown.append(entry)
        for action_name in found:
            granted.setdefault(fold(action_name), action_name)
    desired = [a for f, a in granted.items() if f not in unused_folded]
    minimized = list(minimize(desired, catalog)) if desired else []
    # The peers only know catalog actions (policyuniverse and iam-minify raise on anything else), so an entry the
    # catalog does not know is not theirs to judge: it stays verbatim, as in the reference (spec §3).
    return minimized + [e for e in unknown if e not in minimized]


# ---------------------------------------------------------------------------------------------------------------
# The loop.

def handle_line(line, minimize, number=0):
    """One request line -> one response object. Never raises: any failure becomes {"error": ...}."""
    try:
        request = json.loads(line)
        if not isinstance(request, dict):
            raise ValueError("a request must be a JSON object")
        for key in ("policy", "unused", "catalog"):
            if key not in request:
                raise ValueError(f"request has no \"{key}\"")
        catalog = load_catalog(request["catalog"])
        return {"policy": refine_policy(request["policy"], request["unused"], catalog, minimize)}
    except Exception as error:  # a bad request or a peer's exception must not end the process
        if isinstance(error, (ValueError, OSError)):  # bad input (JSONDecodeError is a ValueError): one line is enough
            print(f"request {number}: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        else:  # anything else is most likely the peer's own exception: its traceback says where
            print(f"request {number}:", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
        return {"error": f"{type(error).__name__}: {error}"}


def serve(minimize, name):
    """Serves requests until stdin closes. Protocol lines go to a private copy of the original stdout; fd 1 and
    sys.stdout are pointed at stderr so that a peer's print() (policyuniverse prints to stdout) cannot corrupt the
    protocol."""
    sys.stdout.flush()
    protocol_out = os.fdopen(os.dup(1), "w", encoding="ascii", newline="\n")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    print(f"{name}: ready (peers from {peers_dir()})", file=sys.stderr, flush=True)
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        line = raw.decode("utf-8", errors="replace")
        response = handle_line(line, minimize, number)
        # ensure_ascii: the line is pure ASCII whatever the policy holds, so encoding can never fail here
        protocol_out.write(json.dumps(response, ensure_ascii=True) + "\n")
        protocol_out.flush()
