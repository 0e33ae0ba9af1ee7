#!/usr/bin/env python3
"""Example genproof external strategy "enumeration": Allow actions become their kept catalog actions, as literals."""
import json, pathlib, re, sys

catalogs = {}  # catalog path -> ["s3:GetObject", ...], read once per path
for line in sys.stdin:  # one request per line, one response per line, in order, until stdin closes
    try:
        request = json.loads(line)
        path, unused, policy = request["catalog"], {u.lower() for u in request["unused"]}, request["policy"]
        if path not in catalogs:
            services = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))["services"]
            catalogs[path] = [f"{service}:{name}" for service, names in services.items() for name in names]
        statements = policy["Statement"] if isinstance(policy["Statement"], list) else [policy["Statement"]]
        for st in [st for st in statements if st["Effect"] == "Allow" and "Action" in st]:  # not Deny, NotAction
            kept = []
            for entry in [st["Action"]] if isinstance(st["Action"], str) else st["Action"]:
                # IAM matching: * is any sequence, ? one character, case-insensitive (ASCII)
                rx = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in entry), re.I | re.A | re.S)
                granted = [a for a in catalogs[path] if rx.fullmatch(a)]
                kept += [a for a in granted if a.lower() not in unused] if granted else [entry]  # unknown: verbatim
            st["Action"] = list(dict.fromkeys(kept))  # duplicates removed, order kept
        policy["Statement"] = [st for st in statements if st["Effect"] != "Allow" or st.get("Action") != []]  # emptied: gone
        print(json.dumps({"policy": policy}), flush=True)
    except Exception as error:  # a bad request is answered with an error, and the process keeps serving
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
