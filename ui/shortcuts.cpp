// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "shortcuts.h"

#include <QCoreApplication>
#include <QKeyEvent>

#include <algorithm>

namespace Shortcuts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Shortcuts", text);
}

Shortcut keyed(Id id, Area area, const QKeySequence &key, const char *what)
{
    return {id, area, key, QString(), tr(what)};
}

Shortcut mouse(Id id, const char *gesture, const char *what)
{
    return {id, Area::Timeline, QKeySequence(), tr(gesture), tr(what)};
}

QString areaTitle(Area area)
{
    switch (area) {
    case Area::File:
        return tr("Files and view");
    case Area::Run:
        return tr("Running");
    case Area::Editor:
        return tr("Scenario editor");
    case Area::Timeline:
        return tr("Timeline");
    case Area::Lanes:
        return tr("Lanes (when the timeline or the lane names have the focus)");
    }
    return {};
}

} // namespace

QString Shortcut::keysText() const
{
    return key.isEmpty() ? gesture : key.toString(QKeySequence::NativeText);
}

const std::vector<Shortcut> &table()
{
    static const std::vector<Shortcut> shortcuts = {
        // Written out, not QKeySequence's standard keys: those differ from platform to platform,
        // and the help and the README must say what is true everywhere.
        keyed(Id::New, Area::File, QKeySequence(Qt::CTRL | Qt::Key_N), "new scenario"),
        keyed(Id::Open, Area::File, QKeySequence(Qt::CTRL | Qt::Key_O), "open a scenario"),
        keyed(Id::Save, Area::File, QKeySequence(Qt::CTRL | Qt::Key_S), "save"),
        keyed(Id::SaveAs, Area::File, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), "save as"),
        keyed(Id::SaveRun, Area::File, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S),
              "save the finished run (open it later without running)"),
        keyed(Id::ExportTimeline, Area::File, QKeySequence(Qt::CTRL | Qt::Key_E),
              "export the timeline (PNG, SVG, PDF)"),
        keyed(Id::Quit, Area::File, QKeySequence(Qt::CTRL | Qt::Key_Q), "quit"),
        keyed(Id::ScaleUp, Area::File, QKeySequence(Qt::CTRL | Qt::Key_Equal),
              "make everything larger (for a room)"),
        keyed(Id::ScaleDown, Area::File, QKeySequence(Qt::CTRL | Qt::Key_Minus),
              "make everything smaller"),
        keyed(Id::ScaleReset, Area::File, QKeySequence(Qt::CTRL | Qt::Key_0),
              "back to the normal size"),
        keyed(Id::Presentation, Area::File, QKeySequence(Qt::Key_F11),
              "presentation mode: full screen, large, the editor hidden"),
        keyed(Id::FilterLanes, Area::File, QKeySequence(Qt::CTRL | Qt::Key_L),
              "filter the lanes by name"),
        keyed(Id::Help, Area::File, QKeySequence(Qt::Key_F1), "list the shortcuts"),

        keyed(Id::Run, Area::Run, QKeySequence(Qt::Key_F5),
              "run the scenario (on the virtual clock when it is on)"),
        keyed(Id::RunInstantly, Area::Run, QKeySequence(Qt::CTRL | Qt::Key_F5),
              "run it instantly, on the virtual clock, this once"),
        keyed(Id::Instant, Area::Run, QKeySequence(Qt::CTRL | Qt::Key_I),
              "switch the virtual clock on or off (then every Run is instant)"),
        keyed(Id::Cancel, Area::Run, QKeySequence(Qt::Key_Escape),
              "cancel the gather, stamped with the moment you pressed it"),
        keyed(Id::Pause, Area::Run, QKeySequence(Qt::Key_Space), "pause and resume"),
        keyed(Id::Step, Area::Run, QKeySequence(Qt::Key_F10),
              "one event at a time, with a caption of what happened and why (before a run, "
              "start one paused at 0 s)"),
        keyed(Id::StepInstant, Area::Run, QKeySequence(Qt::SHIFT | Qt::Key_F10),
              "every event of the next instant at once"),
        keyed(Id::SpeedUp, Area::Run, QKeySequence(Qt::Key_Plus),
              "run faster (speeds from 0.1× to 10×)"),
        keyed(Id::SlowDown, Area::Run, QKeySequence(Qt::Key_Minus), "run slower"),
        keyed(Id::Compare, Area::Run, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5),
              "compare return_exceptions False and True on one time axis"),

        keyed(Id::Undo, Area::Editor, QKeySequence(Qt::CTRL | Qt::Key_Z),
              "undo the last change to the scenario"),
        keyed(Id::Redo, Area::Editor, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), "redo it"),
        keyed(Id::AddHello, Area::Editor, QKeySequence(Qt::CTRL | Qt::Key_H), "add a say_hello"),
        keyed(Id::AddDivide, Area::Editor, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
              "add a divide"),
        keyed(Id::AddFail, Area::Editor, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
              "add a fail (a task that raises)"),
        keyed(Id::AddBlockingSleep, Area::Editor, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
              "add a blocking_sleep (time.sleep in a coroutine)"),
        keyed(Id::AddCompute, Area::Editor, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
              "add a compute (CPU work on a worker thread, asyncio.to_thread)"),
        keyed(Id::AddGather, Area::Editor, QKeySequence(Qt::CTRL | Qt::Key_G),
              "add a nested gather"),
        keyed(Id::Remove, Area::Editor, QKeySequence(Qt::Key_Delete), "remove the task"),
        keyed(Id::Duplicate, Area::Editor, QKeySequence(Qt::CTRL | Qt::Key_D),
              "duplicate the task"),
        keyed(Id::MoveUp, Area::Editor, QKeySequence(Qt::ALT | Qt::Key_Up), "move the task up"),
        keyed(Id::MoveDown, Area::Editor, QKeySequence(Qt::ALT | Qt::Key_Down),
              "move the task down"),
        keyed(Id::IntoGather, Area::Editor, QKeySequence(Qt::CTRL | Qt::Key_Right),
              "move the task into the gather above it"),
        keyed(Id::OutOfGather, Area::Editor, QKeySequence(Qt::CTRL | Qt::Key_Left),
              "move the task out of its gather"),

        keyed(Id::ZoomIn, Area::Timeline, QKeySequence(Qt::Key_W), "zoom in at the cursor"),
        keyed(Id::ZoomOut, Area::Timeline, QKeySequence(Qt::Key_S), "zoom out at the cursor"),
        keyed(Id::PanLeft, Area::Timeline, QKeySequence(Qt::Key_A), "pan left"),
        keyed(Id::PanRight, Area::Timeline, QKeySequence(Qt::Key_D), "pan right"),
        keyed(Id::Fit, Area::Timeline, QKeySequence(Qt::Key_F),
              "fit the selected range, or everything"),
        keyed(Id::NextEvent, Area::Timeline, QKeySequence(Qt::Key_Period), "select the next event"),
        keyed(Id::PreviousEvent, Area::Timeline, QKeySequence(Qt::Key_Comma),
              "select the previous event"),
        keyed(Id::TimelineHelp, Area::Timeline, QKeySequence(Qt::Key_Question),
              "show these shortcuts"),
        mouse(Id::WheelZoom, "Ctrl+wheel",
              "zoom at the cursor (the wheel alone scrolls the lanes)"),
        mouse(Id::Drag, "drag", "pan"),
        mouse(Id::RangeDrag, "Shift+drag", "select a range and read its duration"),
        mouse(Id::Click, "click", "select an event"),

        keyed(Id::FirstLane, Area::Lanes, QKeySequence(Qt::Key_Home), "to the first lane"),
        keyed(Id::LastLane, Area::Lanes, QKeySequence(Qt::Key_End), "to the last lane"),
        keyed(Id::LanesPageUp, Area::Lanes, QKeySequence(Qt::Key_PageUp), "a page of lanes up"),
        keyed(Id::LanesPageDown, Area::Lanes, QKeySequence(Qt::Key_PageDown),
              "a page of lanes down"),
        keyed(Id::CollapseGather, Area::Lanes, QKeySequence(Qt::Key_Left),
              "in the lane names: collapse the nested gather chosen; on the timeline: the replay "
              "one event back"),
        keyed(Id::ExpandGather, Area::Lanes, QKeySequence(Qt::Key_Right),
              "in the lane names: open it again; on the timeline: the replay one event on"),
    };
    return shortcuts;
}

QKeySequence key(Id id)
{
    const auto &all = table();
    const auto found =
        std::find_if(all.begin(), all.end(), [id](const Shortcut &s) { return s.id == id; });
    return found == all.end() ? QKeySequence() : found->key;
}

QString withKey(const QString &what, Id id)
{
    return QStringLiteral("%1 (%2)").arg(what, key(id).toString(QKeySequence::NativeText));
}

std::optional<Id> timelineKey(const QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return std::nullopt;
    for (const Shortcut &shortcut : table()) {
        if (shortcut.area != Area::Timeline || shortcut.key.isEmpty())
            continue;
        const Qt::Key wanted = shortcut.key[0].key();
        // Punctuation is matched by the character typed, whatever keys make it on this layout.
        const QString character = shortcut.key.toString(QKeySequence::PortableText);
        const bool letter = wanted >= Qt::Key_A && wanted <= Qt::Key_Z;
        if (letter ? event->key() == wanted : event->text() == character)
            return shortcut.id;
    }
    return std::nullopt;
}

QString helpHtml()
{
    QString html = QStringLiteral("<table>");
    std::optional<Area> area;
    for (const Shortcut &shortcut : table()) {
        if (shortcut.area != area) {
            area = shortcut.area;
            html += QStringLiteral("<tr><td colspan=2><br><i>%1</i></td></tr>")
                        .arg(areaTitle(shortcut.area));
        }
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(shortcut.keysText().toHtmlEscaped(), shortcut.what.toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

QString timelineHelp()
{
    QStringList lines;
    for (const Shortcut &shortcut : table()) {
        if (shortcut.area == Area::Timeline)
            lines << QStringLiteral("%1: %2").arg(shortcut.keysText(), shortcut.what);
    }
    return lines.join(u'\n');
}

QString markdownTable()
{
    QString text = QStringLiteral("| keys | area | what they do |\n|---|---|---|\n");
    for (const Shortcut &shortcut : table()) {
        // A `|` inside a cell would end it: none of the keys has one.
        text += QStringLiteral("| %1 | %2 | %3 |\n")
                    .arg(shortcut.keysText(), areaTitle(shortcut.area).toLower(), shortcut.what);
    }
    return text;
}

} // namespace Shortcuts
