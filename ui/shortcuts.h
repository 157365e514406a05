// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QKeySequence>
#include <QString>

#include <optional>
#include <vector>

class QKeyEvent;

//! Every shortcut of the window in one table: the actions take their keys from it, the timeline
//! matches its key presses against it, the F1 dialog and the timeline's `?` tooltip are written
//! from it, and a test holds the README's table to it.
namespace Shortcuts {

enum class Area { File, Run, Editor, Timeline, Lanes };

enum class Id {
    // File and view
    New,
    Open,
    Save,
    SaveAs,
    SaveRun,
    ExportTimeline,
    Quit,
    ScaleUp,
    ScaleDown,
    ScaleReset,
    Presentation,
    FilterLanes,
    Help,
    // Run
    Run,
    RunInstantly,
    Instant,
    Cancel,
    Pause,
    Step,
    StepInstant,
    SpeedUp,
    SlowDown,
    Compare,
    // Editor
    Undo,
    Redo,
    AddHello,
    AddDivide,
    AddFail,
    AddBlockingSleep,
    AddCompute,
    AddGather,
    Remove,
    Duplicate,
    MoveUp,
    MoveDown,
    IntoGather,
    OutOfGather,
    // Timeline: keys
    ZoomIn,
    ZoomOut,
    PanLeft,
    PanRight,
    Fit,
    NextEvent,
    PreviousEvent,
    TimelineHelp,
    // Timeline: the mouse
    WheelZoom,
    Drag,
    RangeDrag,
    Click,
    // Lanes: keys of the timeline and the lane names while they have the focus
    FirstLane,
    LastLane,
    LanesPageUp,
    LanesPageDown,
    CollapseGather,
    ExpandGather,
};

struct Shortcut {
    Id id;
    Area area;
    QKeySequence key; //!< empty for a mouse gesture
    QString gesture;  //!< how a mouse gesture is done; empty for a key
    QString what;     //!< what it does, in a few words

    //! `F5`, `Ctrl+Shift+S`, `Ctrl+wheel`: as the README and the help write it.
    QString keysText() const;
};

//! The whole table, in the order the help lists it.
const std::vector<Shortcut> &table();
//! The key of \a id (empty for a mouse gesture).
QKeySequence key(Id id);
//! \a what, followed by its key in parentheses: a tooltip.
QString withKey(const QString &what, Id id);
//! The timeline key that \a event presses, if any (keys without Ctrl, Alt or Meta).
std::optional<Id> timelineKey(const QKeyEvent *event);

//! The F1 dialog: every area, as an HTML table.
QString helpHtml();
//! The timeline's `?` tooltip: its keys and gestures, one a line.
QString timelineHelp();
//! The README's table of shortcuts, row for row (Markdown).
QString markdownTable();

} // namespace Shortcuts
