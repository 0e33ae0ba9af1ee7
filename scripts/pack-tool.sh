#!/usr/bin/env bash
# Packs the genproof dotnet tool into OUT (default ./nupkg), on linux-x64: the pointer package GeneralizationProofs.Cli,
# the Native AOT package GeneralizationProofs.Cli.linux-x64 (linked with clang, or gcc) and the framework-dependent
# GeneralizationProofs.Cli.any for every other platform. `dotnet tool install --add-source OUT GeneralizationProofs.Cli`
# then installs the package of the machine. Native AOT compiles for the machine it runs on only, so the one dotnet pack
# that makes every RID's package of a plain tool cannot be used: each package is packed on its own.
set -euo pipefail
out=$(realpath -m "${1:-nupkg}")
cd "$(dirname "$0")/.."
for rid in "" linux-x64 any; do
  dotnet pack src/GeneralizationProofs.Cli ${rid:+-r "$rid"} -o "$out"
done
