// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// main() for the Google Benchmark programs: the benchmarks need a Qt event loop.

// Benchmarks of widgets (GATHERSCOPE_BENCHMARK_WIDGETS) get a QApplication on the offscreen
// platform; the others a QCoreApplication, so that they need nothing of Qt Gui.
#ifdef GATHERSCOPE_BENCHMARK_WIDGETS
#include <QApplication>
using BenchmarkApplication = QApplication;
#else
#include <QCoreApplication>
using BenchmarkApplication = QCoreApplication;
#endif

#include <benchmark/benchmark.h>

int main(int argc, char **argv)
{
#ifdef GATHERSCOPE_BENCHMARK_WIDGETS
    qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    BenchmarkApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
