#!/usr/bin/env bash
# The sentiment calibration study behind README's table under "train" (not part of the build or of mvn verify).
# Trains, per outer fold (5-fold over training-data, seeded), the linear model and (ensemble) the bag of 3 CNNs with
# the fold's own 10% dev split, dumps the raw dev/held-out/out-of-fold scores, then recombines them offline into each
# calibration variant and prints pooled held-out ECE and log-loss. Needs python3 with numpy and scipy.
# Usage: scripts/calibration-study/run.sh linear|ensemble SEED [OUT_DIR]      (ensemble: 20-30 min on 2 busy cores)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
backend="$1"; seed="$2"; out="${3:-$root/toolkit/target/calibration-study}"
mkdir -p "$out/classes"
"$root/scripts/stancekit" --help >/dev/null   # builds the jar if needed
jar="$root/toolkit/target/stancekit-cli.jar"
javac -d "$out/classes" -cp "$jar" "$here/CalibHarness.java" "$here/DevDump.java"
cd "$root"
OMP_NUM_THREADS=1 java -Xmx2g -XX:+UseSerialGC -cp "$out/classes:$jar" org.stancekit.train.CalibHarness sentiment \
  "$backend" 5 "$seed" "$out/sentiment-$backend-s$seed.json" training-data/*.csv
python3 "$here/lin.py" "$out/sentiment-$backend-s$seed.json"
if [ "$backend" = ensemble ]; then
  python3 "$here/ens.py" "$out/sentiment-$backend-s$seed.json"
  python3 "$here/ens2.py" "$out/sentiment-$backend-s$seed.json"
  python3 "$here/acc.py" "$out/sentiment-$backend-s$seed.json"
fi
# the noise floor of a bundle's sentiment dev predictions (dev split re-derived: seed 42, 0.1):
#   java -cp "$out/classes:$jar" org.stancekit.train.DevDump models/default "$out/default-dev.json" training-data/*.csv
#   python3 "$here/floor.py" "$out/default-dev.json"
