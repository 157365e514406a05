#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Gatherscope developers
# The gather library as its users get it: installed into a scratch prefix, found with
# find_package(GatherscopeGather), linked as Gatherscope::Gather by tests/consumer, and run.
# Usage: check-gather-package.sh BUILD_DIR CONSUMER_SOURCE_DIR
set -euo pipefail
build=$1
consumer=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cmake --install "$build" --prefix "$scratch/prefix" --component gather >/dev/null
fail() { echo "gather package: $*" >&2; exit 1; }
[ -f "$scratch/prefix/include/gatherscope/gather.h" ] || fail "gather.h not installed"
[ -f "$scratch/prefix/include/gatherscope/detail/gathercore.h" ] || fail "detail/ not installed"
config=$(find "$scratch/prefix" -name GatherscopeGatherConfig.cmake)
[ -n "$config" ] || fail "no package config"
# The library alone: nothing of the scenario engine or the program.
if [ -n "$(find "$scratch/prefix" -name 'scenario*' -o -name 'gatherscope' -type f)" ]; then
    fail "the gather component installs more than the library"
fi

cmake -S "$consumer" -B "$scratch/build" -DCMAKE_PREFIX_PATH="$scratch/prefix" >/dev/null
cmake --build "$scratch/build" >/dev/null
output=$("$scratch/build/gather-consumer")
expected=$'finished 3\nfinished 2\nfinished 1\nresults 1 2 3'
[ "$output" = "$expected" ] || fail "the consumer printed:
$output"
echo "gather package: installed, found with find_package, linked, and its program ran"
