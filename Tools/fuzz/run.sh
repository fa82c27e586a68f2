#!/usr/bin/env bash
# Fuzzes the pickle decoder and the native-format reader with libFuzzer and AddressSanitizer.
#
#   Tools/fuzz/run.sh [RUNS]        # default 1,000,000 inputs per target
#
# Each target is the library's sources compiled with one entry point (Tools/fuzz/*FuzzTarget.swift)
# by `swiftc -sanitize=fuzzer,address`. Seeds: the committed pickle fixtures, and a small native
# file converted from original-schema pickles of one hash class. Crashes are written to
# .build/fuzz/<target>/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-1000000}"
out=.build/fuzz
mkdir -p "$out"
sources=$(find Sources/TabularNAS -name '*.swift')

build() {  # target-name entry-file
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name TabularNAS \
    $sources "Tools/fuzz/$2" -o "$out/$1" 2>&1 | grep -v "Cannot export local symbol" || true
}

# Seeds.
mkdir -p "$out/pickle-corpus" "$out/native-corpus"
cp Tests/TabularNASTests/Fixtures/pickles/*.pkl "$out/pickle-corpus/"
if [ ! -f "$out/native-corpus/one-class.tabnas" ]; then
  swift build --product tabnas >/dev/null
  rm -rf "$out/seed" && mkdir -p "$out/seed"
  .build/debug/tabnas convert --output "$out/seed/synthetic.tabnas" >/dev/null
  python3 Tools/nashpobench2/write_original_files.py --native "$out/seed/synthetic.tabnas" \
    --output "$out/seed/one-class" --classes 1 >/dev/null
  .build/debug/tabnas convert --data "$out/seed/one-class" --output "$out/native-corpus/one-class.tabnas" >/dev/null
  head -c 4096 "$out/native-corpus/one-class.tabnas" > "$out/native-corpus/header.tabnas"
fi

status=0
for target in pickle native; do
  entry=$([ "$target" = pickle ] && echo PickleFuzzTarget.swift || echo NativeFuzzTarget.swift)
  build "fuzz-$target" "$entry"
  mkdir -p "$out/$target"
  echo "== fuzzing $target: $runs inputs"
  if ! "$out/fuzz-$target" -runs="$runs" -max_len=200000 -artifact_prefix="$out/$target/" \
      "$out/$target-corpus" 2>&1 | tail -4; then
    status=1
  fi
done
exit $status
