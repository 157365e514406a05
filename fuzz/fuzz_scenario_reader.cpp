// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The scenario reader on arbitrary bytes. Besides never crashing, it keeps the properties
// tst_scenarioloader checks on random mutations: every error is one line with a message, and
// whatever loads saves and loads back to an equal Scenario, which saves to the same bytes.

#include "scenarioreader.h"
#include "scenariowriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>

using namespace Gatherscope;

namespace {

//! Stops the run with the evidence: libFuzzer keeps the input as a crash file.
[[noreturn]] void broken(const char *property, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_scenario_reader: %s\n%s\n", property, detail.constData());
    __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A copy, not fromRawData(): the program reads files into ordinary, NUL-ended arrays.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = readScenario(bytes, QStringLiteral("fuzz"));
    if (const auto *error = std::get_if<LoadError>(&result)) {
        if (error->message.isEmpty() || error->toString().contains(u'\n'))
            broken("an error must be one line with a message", error->toString().toUtf8());
        return 0;
    }
    const Scenario &scenario = std::get<Scenario>(result);
    const QByteArray saved = writeScenario(scenario);
    const auto again = readScenario(saved, QStringLiteral("saved"));
    if (const auto *error = std::get_if<LoadError>(&again))
        broken("the saved scenario does not load", error->toString().toUtf8() + '\n' + saved);
    if (!(std::get<Scenario>(again) == scenario))
        broken("the saved scenario loads as a different one", saved);
    const QByteArray savedAgain = writeScenario(std::get<Scenario>(again));
    if (savedAgain != saved)
        broken("saving the loaded-back scenario gives other bytes", saved + '\n' + savedAgain);
    return 0;
}
