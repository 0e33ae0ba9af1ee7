#!/usr/bin/env python3
"""Writes a large policy for the resource figures of issue 16 (a 10 MB policy of 12k statements) and its unused list.

    scripts/large-policy.py CATALOG OUT_DIR [--statements 12000] [--seed 1]

Each statement holds about 25 actions of one service of the catalog: half literals, half wildcards (a service
wildcard, verb prefixes such as `s3:Get*`, a name prefix of two tokens), so `refine` has tries to walk and `verify`
obligations of every kind. A fifth of each service's actions (the same for every statement of the service) are
listed as unused. Seeded: the same arguments write the same files. Nothing is committed: the files are generated where they are measured.
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("catalog")
    parser.add_argument("out_dir")
    parser.add_argument("--statements", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    statements = args.statements
    rng = random.Random(args.seed)
    services = json.loads(Path(args.catalog).read_text())["services"]
    names = sorted(s for s, actions in services.items() if len(actions) >= 20)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    policy, unused = [], {}
    for i in range(statements):
        service = rng.choice(names)
        actions = sorted(services[service])
        literals = rng.sample(actions, min(12, len(actions)))
        verbs = sorted({re.match(r"[A-Za-z][a-z]*", a).group(0) for a in actions})
        wildcards = [f"{service}:{v}*" for v in rng.sample(verbs, min(6, len(verbs)))]
        two_tokens = [re.match(r"([A-Za-z][a-z0-9]*){1,2}", a).group(0) for a in rng.sample(actions, min(6, len(actions)))]
        wildcards += [f"{service}:{prefix}*" for prefix in two_tokens]
        entries = [f"{service}:{a}" for a in literals] + wildcards + [f"{service}:*"]
        policy.append({"Sid": f"S{i}", "Effect": "Allow", "Action": entries, "Resource": f"arn:aws:{service}:::resource-{i}/*"})
        if service not in unused:
            unused[service] = rng.sample(actions, max(1, len(actions) // 5))
    (out / "policy.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": policy}, indent=1))
    (out / "unused.json").write_text(json.dumps(
        [{"serviceNamespace": s, "actions": sorted(a)} for s, a in sorted(unused.items())], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
