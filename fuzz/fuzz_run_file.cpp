// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The run file reader on arbitrary bytes, and what the window and --headless then do with what
// it accepts. Besides never crashing: every error is one line with a message; a run it reads is
// told (the narration), printed (the console lines) and saved again, and the saved file reads
// back to the same record and saves to the same bytes.

#include "consolelines.h"
#include "narration.h"
#include "runfile.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>

using namespace Gatherscope;

namespace {

//! Stops the run with the evidence: libFuzzer keeps the input as a crash file.
[[noreturn]] void broken(const char *property, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_run_file: %s\n%s\n", property, detail.constData());
    __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto result = RunFile::read(bytes, QStringLiteral("fuzz"));
    if (const auto *error = std::get_if<LoadError>(&result)) {
        if (error->message.isEmpty() || error->toString().contains(u'\n'))
            broken("an error must be one line with a message", error->toString().toUtf8());
        return 0;
    }
    const auto &runner = std::get<std::unique_ptr<Runner>>(result);
    const EventRecord &record = runner->record();
    narrate(record);
    for (const TaskEvent &event : record.events())
        consoleLines(event, runner->scenario().report);
    const QByteArray saved = RunFile::write(*runner);
    auto again = RunFile::read(saved, QStringLiteral("saved"));
    if (const auto *error = std::get_if<LoadError>(&again))
        broken("the saved run does not read", error->toString().toUtf8() + '\n' + saved);
    const auto &runnerAgain = std::get<std::unique_ptr<Runner>>(again);
    if (!(runnerAgain->record().events() == record.events()))
        broken("the saved run reads back as another record", saved);
    if (RunFile::write(*runnerAgain) != saved)
        broken("saving the read-back run gives other bytes", saved);
    return 0;
}
