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
import src.optimize  # noqa: E402
from src.optimize import merge_overlaps, truncate  # noqa: E402
from src.trie import Trie  # noqa: E402


class _CatalogTrie(Trie):
    """The peer's Trie, except that the trie of the whole catalog is built once per catalog and kept.

    The peer builds it twice per statement (in truncate and in merge_overlaps), 1.4 s and 77 MB for the 2026 catalog
    on this machine: 90% of a request's time was rebuilding an index that only depends on the catalog. Its command
    line runs once per policy, so it never pays this twice per process; a server keeps it, as the reference keeps its
    catalog index. The trie is only read afterwards (children and occurences), so the output is unchanged: the
    adapters' self-test compares both ways (`selftest.py --iam-minify-cache`)."""

    @staticmethod
    def from_list(iam_actions):
        catalog = _current_catalog
        if catalog is not None and iam_actions is catalog.actions:
            trie = getattr(catalog, "iam_minify_trie", None)
            if trie is None:
                trie = catalog.iam_minify_trie = Trie.from_list(iam_actions)  # lives as long as protocol's cache keeps it
            return trie
        return Trie.from_list(iam_actions)  # the truncated actions of one statement: built each time, as published


_current_catalog = None
CACHE_CATALOG_TRIE = os.environ.get("GENPROOF_IAM_MINIFY_NO_CACHE") is None
if CACHE_CATALOG_TRIE:
    src.optimize.Trie = _CatalogTrie  # the name truncate and merge_overlaps look up; the peer's files stay as they are


def minimize(desired, catalog):
    global _current_catalog
    _current_catalog = catalog
    # iam-minify's own main() does exactly this per statement, with all_actions = the downloaded list of
    # "service:Action" in AWS's spelling; here the request's catalog, in the catalog's spelling (not lower-cased:
    # the peer's tries are case-sensitive, and that is part of what is under test).
    truncated = truncate(desired, catalog.actions)
    return merge_overlaps(truncated, catalog.actions)


if __name__ == "__main__":
    protocol.serve(minimize, "iam-minify")
