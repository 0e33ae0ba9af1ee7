#!/usr/bin/env bash
# Re-checks a `genproof verify --smt-out DIR` export with the z3 and cvc5 binaries (the offline third opinion of
# issue 13): each file listed in DIR/manifest.tsv is run through every solver and its answer compared with the
# status the in-process engines agreed on (also in the file as `(set-info :status ...)`).
#
#   scripts/recheck-smt.sh DIR            # both solvers
#   SOLVERS=cvc5 scripts/recheck-smt.sh DIR
#
# Files whose status is `unknown` (the engines did not agree or did not answer) are listed, not compared.
# Exit: 0 every answer matches; 1 some answer differs from the manifest (printed as MISMATCH); 2 usage, no manifest
# or no solver. TIMEOUT (seconds per file, default 60): a solver that times out prints no answer, which is a mismatch,
# since a re-check that says nothing has not confirmed anything.
set -euo pipefail

dir="${1:-}"
if [[ -z "$dir" || ! -f "$dir/manifest.tsv" ]]; then
    echo "usage: $0 DIR   (DIR holds manifest.tsv, written by genproof verify --smt-out DIR)" >&2
    exit 2
fi
timeout_s="${TIMEOUT:-60}"
read -r -a wanted <<< "${SOLVERS:-z3 cvc5}"

# The flags the test suite uses (SmtLibExportTests): cvc5 needs --strings-exp for str.in_re over regexes with re.comp.
flags_for() {
    case "$1" in
        cvc5) echo "--lang smt2 --strings-exp" ;;
        *) echo "" ;;
    esac
}

solvers=()
for s in "${wanted[@]}"; do
    if command -v "$s" > /dev/null; then
        solvers+=("$s")
    else
        echo "note: $s not installed (apt-get install -y $s); skipped" >&2
    fi
done
if [[ ${#solvers[@]} -eq 0 ]]; then
    echo "no solver to run (wanted: ${wanted[*]})" >&2
    exit 2
fi

checked=0 mismatches=0 skipped=0
# Columns: file, query, property, statement, answers, status, sat means (see SmtExport in the solver folder).
while IFS=$'\t' read -r file query _property _statement answers status _meaning; do
    if [[ "$status" != "sat" && "$status" != "unsat" ]]; then
        echo "SKIPPED $file: status $status ($answers)"
        skipped=$((skipped + 1))
        continue
    fi
    for s in "${solvers[@]}"; do
        # shellcheck disable=SC2046 # the flags are meant to split
        got=$(timeout "$timeout_s" "$s" $(flags_for "$s") "$dir/$file" 2>&1 | head -n 1 || true)
        checked=$((checked + 1))
        if [[ "$got" != "$status" ]]; then
            echo "MISMATCH $file ($query): manifest $status ($answers), $s says ${got:-nothing (timeout?)}"
            mismatches=$((mismatches + 1))
        fi
    done
done < <(tail -n +2 "$dir/manifest.tsv")

echo "recheck: $checked answers from ${solvers[*]}, $mismatches mismatches, $skipped files without an agreed status"
[[ $mismatches -eq 0 ]]
