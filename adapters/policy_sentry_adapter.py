#!/usr/bin/env python3
"""genproof external strategy: salesforce policy_sentry 0.16.0, policy_sentry.writing.minimize.

The peer's code is imported from ../shared/peers/policy_sentry-0.16.0 as published (or $GENPROOF_PEERS) and called
as is: its defects are what the harness is meant to find, so nothing here corrects its output.
Run: python3 adapters/policy_sentry_adapter.py   (then one JSON request per line on stdin; see README.md)
"""
import os
import sys

sys.dont_write_bytecode = True  # as root, Python would write __pycache__ into the shared, read-only peer folder
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402

protocol.import_path_for_peer("policy_sentry-0.16.0")
from policy_sentry.writing.minimize import minimize_statement_actions  # noqa: E402


def minimize(desired, catalog):
    # policy_sentry takes the catalog as an argument: the set of lower-cased "service:action" strings
    # (it lower-cases the desired actions itself). minchars=None is its default: no minimum prefix length.
    return minimize_statement_actions(desired, catalog.folded, minchars=None)


if __name__ == "__main__":
    protocol.serve(minimize, "policy_sentry")
