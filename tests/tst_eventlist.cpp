// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// EventList keeps a run's events compactly and gives back exactly what was appended.

#include "eventlist.h"

#include <QTest>

#include <algorithm>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

TaskEvent eventAt(ScenarioTime time, int node, TaskEvent::Kind kind)
{
    TaskEvent made;
    made.time = time;
    made.node = node;
    made.kind = kind;
    return made;
}

ExceptionInfo zeroDivision()
{
    return {"ZeroDivisionError", "division by zero", false};
}

} // namespace

class EventListTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyMixOfFieldsReadsBackAsAppended()
    {
        // Events with every mix of text, value and error, between events with none: each
        // reads back whole, whatever its neighbours keep beside them.
        EventList list;
        std::vector<TaskEvent> appended;
        for (int mix = 0; mix < 8; ++mix) {
            TaskEvent plain = eventAt(ScenarioTime(10 * mix), mix, TaskEvent::Kind::Woke);
            TaskEvent full =
                eventAt(ScenarioTime(10 * mix + 5), 100 + mix, TaskEvent::Kind::Raised);
            full.until = ScenarioTime(1'000'000 + mix);
            if (mix & 1)
                full.text = u"Hello, P%1\n"_s.arg(mix);
            if (mix & 2)
                full.value = PyValue::list(
                    {PyValue::integer(mix), PyValue::floating(2.5), PyValue::string(u"x"_s)});
            if (mix & 4)
                full.error = ExceptionInfo{"ValueError", "bad " + std::to_string(mix), false};
            for (const TaskEvent &each : {plain, full}) {
                list.append(each);
                appended.push_back(each);
            }
        }
        QCOMPARE(list.size(), appended.size());
        for (std::size_t i = 0; i < appended.size(); ++i) {
            const TaskEvent read = list[i];
            QCOMPARE(read.time, appended[i].time);
            QCOMPARE(read.node, appended[i].node);
            QCOMPARE(read.kind, appended[i].kind);
            QCOMPARE(read.until, appended[i].until);
            QCOMPARE(read.text, appended[i].text);
            QVERIFY(read.value == appended[i].value);
            QVERIFY(read.error == appended[i].error);
        }
        QVERIFY(list.toVector() == appended);
        // The event of mix 6 keeps a value and an error, no text.
        QVERIFY(list[13].text.isEmpty());
        QCOMPARE(list[13].value.toList()[0].toInteger(), 6);
        QCOMPARE(list[13].error->message, "bad 6");
    }

    void headIsWhatEveryEventHas()
    {
        EventList list;
        TaskEvent slept = eventAt(ScenarioTime(2'000'000), 3, TaskEvent::Kind::Slept);
        slept.until = ScenarioTime(5'000'000);
        list.append(eventAt(ScenarioTime(0), 3, TaskEvent::Kind::Started));
        list.append(slept);
        const EventList::Head &head = list.head(1);
        QCOMPARE(head.time, ScenarioTime(2'000'000));
        QCOMPARE(head.until, ScenarioTime(5'000'000));
        QCOMPARE(head.node, 3);
        QCOMPARE(head.kind, TaskEvent::Kind::Slept);
        QCOMPARE(list.front().kind, TaskEvent::Kind::Started);
        QCOMPARE(list.back().until, ScenarioTime(5'000'000));
    }

    void emptyFieldsReadBackAsTheirDefaults()
    {
        // An empty print, a returned 0 and no error are not kept: read back, they are the
        // defaults, which compare equal to what was appended.
        EventList list;
        TaskEvent printed = eventAt(ScenarioTime(1), 1, TaskEvent::Kind::Printed);
        printed.text = u""_s;
        TaskEvent returned = eventAt(ScenarioTime(2), 1, TaskEvent::Kind::Returned);
        returned.value = PyValue::integer(0);
        TaskEvent floatZero = returned;
        floatZero.value = PyValue::floating(0.0);
        for (const TaskEvent &each : {printed, returned, floatZero})
            list.append(each);
        QVERIFY(list[0].text.isEmpty());
        QVERIFY(list[0] == printed);
        QVERIFY(list[1].value.isInteger());
        QCOMPARE(list[1].value.toInteger(), 0);
        // 0.0 is not 0: Python prints them apart, so the float is kept.
        QVERIFY(list[2].value.isFloat());
        QVERIFY(list[2] == floatZero);
    }

    void anExceptionIsSharedNotCopied()
    {
        EventList list;
        TaskEvent raised = eventAt(ScenarioTime(1), 2, TaskEvent::Kind::Raised);
        raised.error = zeroDivision();
        list.append(raised);
        QVERIFY(raised.error.shared() != nullptr);
        QCOMPARE(list[0].error.shared().get(), raised.error.shared().get());
        QCOMPARE(list[0].error->typeName, "ZeroDivisionError");
    }

    void iteratorsWalkTheEventsInOrder()
    {
        EventList list;
        for (int i = 0; i < 5; ++i) {
            TaskEvent printed = eventAt(ScenarioTime(i), i, TaskEvent::Kind::Printed);
            printed.text = QString::number(i * i);
            list.append(printed);
        }
        QCOMPARE(list.end() - list.begin(), 5);
        const auto third = std::find_if(list.begin(), list.end(),
                                        [](const TaskEvent &each) { return each.text == u"4"; });
        QVERIFY(third != list.end());
        QCOMPARE(third->node, 2);
        QCOMPARE((third + 1)->text, u"9"_s);
        QCOMPARE(third[-2].text, u"0"_s);
        QCOMPARE(std::count_if(list.begin(), list.end(),
                               [](const TaskEvent &each) { return each.node % 2 == 0; }),
                 3);
        QStringList texts;
        for (const TaskEvent &each : list)
            texts << each.text;
        QCOMPARE(texts, (QStringList{u"0"_s, u"1"_s, u"4"_s, u"9"_s, u"16"_s}));
        EventList same;
        for (const TaskEvent &each : list)
            same.append(each);
        QVERIFY(same == list);
        same.append(eventAt(ScenarioTime(9), 0, TaskEvent::Kind::Started));
        QVERIFY(!(same == list));
    }
};

QTEST_GUILESS_MAIN(EventListTest)
#include "tst_eventlist.moc"
