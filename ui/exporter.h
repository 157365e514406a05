// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"

#include <QString>

class QWidget;
class TimelineView;

//! Writes the timeline as a picture and the record as a trace. Each returns an error message,
//! or an empty string on success.
namespace Exporter {
//! PNG, SVG or PDF by the suffix of \a path, all from the view's own paint code.
QString exportTimeline(TimelineView &view, const QString &path);
//! Chrome Trace Event JSON (Perfetto, chrome://tracing), written atomically.
QString exportTrace(const Gatherscope::EventRecord &record, const QString &path);

//! Asks where (over \a parent) and in which format, then exports the timeline; says so if it
//! failed.
void exportTimelineAsked(QWidget *parent, TimelineView &view);
//! Asks where, then exports \a record (null: there is no run yet, which it says).
void exportTraceAsked(QWidget *parent, const Gatherscope::EventRecord *record);
//! Asks where, then writes \a program (the Python twin) there, `.py` added to a name typed
//! without an ending.
void exportPythonAsked(QWidget *parent, const QString &program);
} // namespace Exporter
