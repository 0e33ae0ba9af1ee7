#!/usr/bin/env python3
"""genproof external strategy: imduchy/iam-minify 0.0.4 (Python), src.optimize.truncate then merge_overlaps.

The peer's code is imported from ../shared/peers/iam-minify-0.0.4 as published (or $GENPROOF_PEERS) and called as
is: its defects are what the harness is meant to find, so nothing here corrects its output.
Run: python3 adapters/iam_minify_adapter.py   (then one JSON request per line on stdin; see README.md)
"""
import os
import sys

sys.dont_write_bytecode = True  # as root, Python would write __pycache__ into the shared, read-only peer folder
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402

protocol.import_path_for_peer("iam-minify-0.0.4")
# Its package is literally named "src". Only src.optimize (and src.trie) are imported: the command line's
# src.service_actions downloads the action list with `requests`, which we neither need nor have.
from src.optimize import merge_overlaps, truncate  # noqa: E402


def minimize(desired, catalog):
    # iam-minify's own main() does exactly this per statement, with all_actions = the downloaded list of
    # "service:Action" in AWS's spelling; here the request's catalog, in the catalog's spelling (not lower-cased:
    # the peer's tries are case-sensitive, and that is part of what is under test).
    truncated = truncate(desired, catalog.actions)
    return merge_overlaps(truncated, catalog.actions)


if __name__ == "__main__":
    protocol.serve(minimize, "iam-minify")
