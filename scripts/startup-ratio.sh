#!/usr/bin/env bash
# Start-up of two installed genproof tools compared in one session (the machine is shared, so only ratios travel):
# each case is run RUNS times (default 11), the two tools alternating so they see the same load; prints the median
# wall and CPU (user+sys) seconds of each and the wall ratio. Run from the repository root:
#   bash scripts/startup-ratio.sh OLD_TOOLDIR/genproof NEW_TOOLDIR/genproof
set -u
OLD=$1 NEW=$2 RUNS=${RUNS:-11} SHARED=${SHARED:-../shared}
for gp in "$OLD" "$NEW"; do [ -x "$gp" ] || { echo "no executable at $gp" >&2; exit 2; }; done
refine() {
  echo "refine --policy examples/my-role/policy.json --unused examples/my-role/unused.json --catalog $SHARED/catalogs/$1 --format diff"
}
cases=("$(refine aws-2024-06-16.json)" "$(refine aws-2026-08-21.json)" "--version" "demo")
names=("refine, catalog aws-2024-06-16" "refine, catalog aws-2026-08-21" "--version" "demo (refine and prove)")
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
median() { sort -n "$1" | sed -n "$(( (RUNS + 1) / 2 ))p"; }
printf '%-32s %18s %18s %7s\n' case "old wall/cpu s" "new wall/cpu s" "ratio"
for i in "${!cases[@]}"; do
  c=${cases[$i]}
  : > "$t/old.wall"; : > "$t/new.wall"; : > "$t/old.cpu"; : > "$t/new.cpu"
  for _ in $(seq "$RUNS"); do
    for which in old new; do
      gp=$OLD; [ $which = new ] && gp=$NEW
      # shellcheck disable=SC2086 # the case is a word list on purpose
      /usr/bin/time -o "$t/one" -f '%e %U %S' "$gp" $c >/dev/null 2>&1 || { echo "$which: genproof $c failed" >&2; exit 1; }
      read -r wall user sys < "$t/one"
      echo "$wall" >> "$t/$which.wall"; echo "$user $sys" | awk '{printf "%.2f\n", $1 + $2}' >> "$t/$which.cpu"
    done
  done
  ow=$(median "$t/old.wall"); nw=$(median "$t/new.wall")
  printf '%-32s %8s / %-7s %8s / %-7s %6sx\n' "${names[$i]}" "$ow" "$(median "$t/old.cpu")" "$nw" "$(median "$t/new.cpu")" \
    "$(awk -v o="$ow" -v n="$nw" 'BEGIN { printf "%.1f", (n > 0 ? o / n : 0) }')"
done
