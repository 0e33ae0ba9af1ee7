#!/usr/bin/env python3
"""genproof external strategy: Netflix policyuniverse 1.5.1.20231109, expander_minimizer.minimize_statement_actions.

The peer's code is imported from ../shared/peers/policyuniverse-1.5.1.20231109 as published (or $GENPROOF_PEERS)
and called as is: its defects are what the harness is meant to find, so nothing here corrects its output.
Run: python3 adapters/policyuniverse_adapter.py   (then one JSON request per line on stdin; see README.md)
"""
import os
import sys

sys.dont_write_bytecode = True  # as root, Python would write __pycache__ into the shared, read-only peer folder
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402

protocol.import_path_for_peer("policyuniverse-1.5.1.20231109")
import policyuniverse  # noqa: E402  (its __init__ reads data.json, which is {} in the shared copy)
from policyuniverse import expander_minimizer  # noqa: E402

_loaded = None  # the Catalog whose actions policyuniverse.all_permissions holds now


def minimize(desired, catalog):
    global _loaded
    if _loaded is not catalog:
        # The peer's whole action list is the module-level set all_permissions ("service:action", lower-cased),
        # which expander_minimizer imported by reference: empty that very set and refill it, never rebind it.
        policyuniverse.all_permissions.clear()
        policyuniverse.all_permissions.update(catalog.folded)
        _loaded = catalog
    # The peer's entry point takes a statement; its Action is the list of actions to keep (it lower-cases them,
    # expands each against all_permissions and emits its own prefixes, sorted).
    return expander_minimizer.minimize_statement_actions({"Effect": "Allow", "Action": desired})


if __name__ == "__main__":
    protocol.serve(minimize, "policyuniverse")
