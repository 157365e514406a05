// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The one table of shortcuts: the window registers it, the timeline matches it, no key means
// two things, and the README shows exactly it.

#include "coroutinetest.h"
#include "mainwindow.h"
#include "shortcuts.h"

#include <QAction>
#include <QFile>
#include <QKeyEvent>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using Shortcuts::Id;

class ShortcutsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theReadmeShowsTheTable()
    {
        QFile readme(QStringLiteral(GATHERSCOPE_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        const QString begin = u"<!-- shortcuts: made from ui/shortcuts.cpp -->\n"_s;
        const auto from = text.indexOf(begin);
        const auto to = text.indexOf(u"<!-- /shortcuts -->"_s);
        QVERIFY2(from >= 0 && to > from, "the README has no marked table of shortcuts");
        QCOMPARE(text.mid(from + begin.size(), to - from - begin.size()),
                 Shortcuts::markdownTable());
    }

    void noKeyMeansTwoThings()
    {
        QSet<QString> seen;
        for (const auto &shortcut : Shortcuts::table()) {
            if (shortcut.key.isEmpty())
                continue;
            const QString key = shortcut.key.toString(QKeySequence::PortableText);
            QVERIFY2(!seen.contains(key), qPrintable(key + u" is used twice"_s));
            seen.insert(key);
        }
        QVERIFY(seen.size() >= 30);
    }

    void theWindowRegistersEveryKeyOfTheTable()
    {
        MainWindow window;
        QCOMPARE(window.runAction()->shortcut(), Shortcuts::key(Id::Run));
        QCOMPARE(window.stepAction()->shortcut(), Shortcuts::key(Id::Step));
        QSet<QString> registered;
        const auto actions = window.findChildren<QAction *>();
        for (const QAction *action : actions)
            registered.insert(action->shortcut().toString(QKeySequence::PortableText));
        for (const auto &shortcut : Shortcuts::table()) {
            if (shortcut.area == Shortcuts::Area::Timeline ||
                shortcut.area == Shortcuts::Area::Lanes)
                continue; // the timeline's keys are matched by the view itself, below
            const QString key = shortcut.key.toString(QKeySequence::PortableText);
            QVERIFY2(registered.contains(key), qPrintable(key + u" is not on any action"_s));
        }
        QCOMPARE(window.instantAction()->toolTip(),
                 u"Every Run on the virtual clock: no waiting, the same order every time "
                 "(Ctrl+I)"_s);
    }

    void theTimelineMatchesItsKeysByWhatTheyType()
    {
        const auto press = [](Qt::Key key, Qt::KeyboardModifiers modifiers, const QString &text) {
            const QKeyEvent event(QEvent::KeyPress, key, modifiers, text);
            return Shortcuts::timelineKey(&event);
        };
        QCOMPARE(press(Qt::Key_W, Qt::NoModifier, u"w"_s), std::optional(Id::ZoomIn));
        QCOMPARE(press(Qt::Key_D, Qt::ShiftModifier, u"D"_s), std::optional(Id::PanRight));
        QCOMPARE(press(Qt::Key_Question, Qt::ShiftModifier, u"?"_s),
                 std::optional(Id::TimelineHelp));
        QCOMPARE(press(Qt::Key_Period, Qt::KeypadModifier, u"."_s), std::optional(Id::NextEvent));
        QCOMPARE(press(Qt::Key_D, Qt::ControlModifier, u"\x04"_s), std::nullopt); // Duplicate's
        QCOMPARE(press(Qt::Key_X, Qt::NoModifier, u"x"_s), std::nullopt);
        QVERIFY(Shortcuts::timelineHelp().startsWith(u"W: zoom in at the cursor\n"_s));
        QVERIFY(Shortcuts::helpHtml().contains(u"<b>F5</b></td><td>run the scenario"_s));
    }
};

QTEST_MAIN(ShortcutsTest)
#include "tst_shortcuts.moc"
