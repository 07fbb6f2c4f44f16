#!/usr/bin/env bash
# Builds the release binary with profile-guided optimisation: target/pgo/pledge.
#
# Why: extraction spends its time in branchy code (the lexer of dates, the subject finder)
# and in regex-automata's search loops, where knowing which branches are hot lets LLVM lay
# out and inline the code for them. On the generated corpus this build runs 10 to 15% faster
# than `cargo build --release` (docs/performance.md has the figures and how they were
# measured). Its output is the same, byte for byte.
#
# Why a script and not the default build: the profile would have to be passed to rustc for
# every crate, dependencies included, and Cargo gives rustflags no path relative to the
# project. A profile kept in the repository would also go stale with every change to the code
# and bind the build to one LLVM version. So the profile is made afresh here, from the code as
# it is, with the toolchain at hand.
#
# The training run reads a generated corpus with another seed than the benchmark's (42), the
# seeds, and runs the report commands on this repository's tracker, so that those paths are
# not laid out as cold.
#
# Needs the toolchain's llvm-profdata: `rustup component add llvm-tools`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

host=$(rustc -vV | sed -n 's/^host: //p')
profdata_tool="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [[ ! -x $profdata_tool ]]; then
    echo "pgo-build: llvm-profdata not found at $profdata_tool" >&2
    echo "pgo-build: install it with: rustup component add llvm-tools" >&2
    exit 1
fi

work="$root/target/pgo"
profiles="$work/profiles"
train="$work/train-corpus"
rm -rf "$profiles" "$train"
mkdir -p "$profiles"

echo "pgo-build: 1/4 instrumented build" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$profiles" \
    cargo build --release --quiet --target-dir "$work/instrumented"
# Build scripts ran instrumented too: their profiles are not the tool's.
rm -rf "$profiles"
mkdir -p "$profiles"

echo "pgo-build: 2/4 training run" >&2
cargo run --release --quiet --example corpus -- "$train" 8 7 >&2
bin="$work/instrumented/release/pledge"
"$bin" extract --dry-run "$train"/* >/dev/null
"$bin" extract --dry-run --format json seeds/* >/dev/null
"$bin" inspect seeds/* >/dev/null
"$bin" validate >/dev/null
"$bin" status --as-of 2025-06-01 >/dev/null
"$bin" status --as-of 2025-06-01 --format json >/dev/null
# The gate exits 1 when something is overdue, which is what it is run for here.
"$bin" check --as-of 2026-01-01 >/dev/null || true
"$bin" followups --as-of 2026-01-01 >/dev/null
"$bin" timeline --format svg >/dev/null
first_two=("$train"/00000_* "$train"/00001_*)
"$bin" diff "${first_two[@]}" >/dev/null

echo "pgo-build: 3/4 merging the profiles" >&2
"$profdata_tool" merge -o "$work/pledge.profdata" "$profiles"

echo "pgo-build: 4/4 optimised build" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$work/pledge.profdata" \
    cargo build --release --quiet --target-dir "$work/optimized"
cp "$work/optimized/release/pledge" "$work/pledge"
echo "$work/pledge"
