#!/usr/bin/env bash
# Fuzzes the pickle decoder, the native-format reader and the text formats (CSV, learning-curve
# tables, JSON, MetaQNN strings) with libFuzzer and AddressSanitizer.
#
#   Tools/fuzz/run.sh [RUNS]        # default 1,000,000 inputs per target
#   FUZZ_TARGETS=text Tools/fuzz/run.sh   # only some targets (pickle, native, text)
#
# Each target is the library's sources compiled with one entry point (Tools/fuzz/*FuzzTarget.swift)
# by `swiftc -sanitize=fuzzer,address`. Seeds: the committed pickle fixtures, a small native
# file converted from original-schema pickles of one hash class, and small CSV/JSON texts. Crashes are written to
# .build/fuzz/<target>/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-1000000}"
out=.build/fuzz
mkdir -p "$out"
sources=$(find Sources/TabularNAS -name '*.swift')

build() {  # target-name entry-file
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name TabularNAS -package-name TabularNAS \
    $sources "Tools/fuzz/$2" -o "$out/$1" 2>&1 | grep -v "Cannot export local symbol" || true
}

# Seeds.
mkdir -p "$out/pickle-corpus" "$out/native-corpus" "$out/text-corpus"
printf '\x03ModelId,IsTest,MaxAccuracy,e1LossMean,e1Accuracy,e2LossMean,e2Accuracy\r\n1,0,0.5,2,0.4,1.5,0.5\r\n2,1,0.6,1.8,0.6,1.9,0.55' \
  > "$out/text-corpus/naap.csv"
printf '\x07net,lr,acc_1,acc_2\n"[C(64,3,1), P(2,2), D(1,2), FC(128), GAP(10), SM(10)]",0.01,0.2,0.4\n"[C(32,1,1), SM(10)]",1e-3,"0.3",0.35\n' \
  > "$out/text-corpus/metaqnn.csv"
printf '\x01[[{"kernel_size": 3, "width": 12, "stride": 2, "residual": false}], {"a": [1, -2.5e-3, "\\u00e9", null, true]}]' \
  > "$out/text-corpus/schemes.json"
# Pickle seeds: the fixtures up to 48 KiB (every variant: protocols 2–5, floats and NumPy scalars,
# memoised and unmemoised, full keys); the larger ones only repeat those items, and each large
# input costs the fuzzer hundreds of small ones. Protocol 4 frames are in the seeds, and the
# fuzzer places them anywhere.
find Tests/TabularNASTests/Fixtures/pickles -name '*.pkl' -size -49152c -exec cp {} "$out/pickle-corpus/" \;
# Small unmemoised files of full keys (the fixtures of protocols 4 and 5 are larger than 48 KiB).
python3 - "$out/pickle-corpus" <<'PY'
import io, pickle, random, sys
random.seed(1)
hashes = ["0=conv(1+3) 1=conv(4) 2=conv(4) 3=conv(in) 4=conv(in) 5=conv(in) out=0+2+5", "0=conv(in) 1=skip(0) out=1"]
for protocol, count in [(2, 40), (4, 40), (5, 24)]:
    columns = {}
    for column in ["valid_acc_0", "seed", "avg_acc"]:
        items = {}
        for i in range(count):
            key = (hashes[i * 2 // count], [0.1, 0.003125][i % 2], [16, 256, 512][i % 3])
            seed = [222, 555, 70000][i % 3]
            if column == "avg_acc":
                items[key] = random.random()
            else:
                items[key + (seed + i,)] = seed if column == "seed" else random.random()
        columns[column] = items
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=protocol)
    pickler.fast = True  # unmemoised
    pickler.dump(columns)
    open(f"{sys.argv[1]}/flat-keys-p{protocol}.pkl", "wb").write(out.getvalue())
PY
if [ ! -f "$out/seed/synthetic.tabnas" ]; then
  swift build --product tabnas >/dev/null
  rm -rf "$out/seed" && mkdir -p "$out/seed"
  .build/debug/tabnas convert --output "$out/seed/synthetic.tabnas" >/dev/null
fi
if [ ! -f "$out/native-corpus/one-class.tabnas" ]; then
  python3 Tools/nashpobench2/write_original_files.py --native "$out/seed/synthetic.tabnas" \
    --output "$out/seed/one-class" --classes 1 >/dev/null
  .build/debug/tabnas convert --data "$out/seed/one-class" --output "$out/native-corpus/one-class.tabnas" >/dev/null
  head -c 4096 "$out/native-corpus/one-class.tabnas" > "$out/native-corpus/header.tabnas"
fi
if [ ! -f "$out/native-corpus/one-cell-subset.tabnas" ]; then
  # A subset (one cell, one learning rate, batch size and seed): a coverage section with bit sets.
  python3 Tools/nashpobench2/write_original_files.py --native "$out/seed/synthetic.tabnas" \
    --output "$out/seed/one-cell" --cells 1 --lrs 0.1 --batch-sizes 256 --seeds 555 >/dev/null
  .build/debug/tabnas convert --data "$out/seed/one-cell" --output "$out/native-corpus/one-cell-subset.tabnas" >/dev/null
fi

status=0
for target in ${FUZZ_TARGETS:-pickle native text}; do
  case "$target" in
    pickle) entry=PickleFuzzTarget.swift max_len=65536 ;;
    native) entry=NativeFuzzTarget.swift max_len=200000 ;;
    *) entry=TextFuzzTarget.swift max_len=65536 ;;
  esac
  build "fuzz-$target" "$entry"
  mkdir -p "$out/$target"
  echo "== fuzzing $target: $runs inputs"
  if ! "$out/fuzz-$target" -runs="$runs" -max_len="$max_len" -artifact_prefix="$out/$target/" \
      "$out/$target-corpus" 2>&1 | tail -4; then
    status=1
  fi
done
exit $status
