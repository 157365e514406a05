// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Values print exactly as Python prints them.

#include "pythonrepr.h"
#include "truedivide.h"

#include <QTest>

#include <limits>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

class PythonReprTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void floats_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        // Each expected text is what CPython 3.11 prints for repr(value).
        QTest::newRow("quotient") << 10.0 / 2 << u"5.0"_s;
        QTest::newRow("six") << 30.0 / 5 << u"6.0"_s;
        QTest::newRow("third") << 1.0 / 3 << u"0.3333333333333333"_s;
        QTest::newRow("tenth") << 0.1 << u"0.1"_s;
        QTest::newRow("sum") << 0.1 + 0.2 << u"0.30000000000000004"_s;
        QTest::newRow("1e16") << 1e16 << u"1e+16"_s;
        QTest::newRow("below 1e16") << 9999999999999998.0 << u"9999999999999998.0"_s;
        QTest::newRow("1.5e16") << 1.5e16 << u"1.5e+16"_s;
        QTest::newRow("1e-4") << 1e-4 << u"0.0001"_s;
        QTest::newRow("1e-5") << 1e-5 << u"1e-05"_s;
        QTest::newRow("1.25e-7") << 1.25e-7 << u"1.25e-07"_s;
        QTest::newRow("1e100") << 1e100 << u"1e+100"_s;
        QTest::newRow("zero") << 0.0 << u"0.0"_s;
        QTest::newRow("negative zero") << -0.0 << u"-0.0"_s;
        QTest::newRow("negative") << -2.5 << u"-2.5"_s;
        QTest::newRow("123.456") << 123.456 << u"123.456"_s;
        QTest::newRow("inf") << std::numeric_limits<double>::infinity() << u"inf"_s;
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << u"-inf"_s;
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << u"nan"_s;
        QTest::newRow("max") << std::numeric_limits<double>::max() << u"1.7976931348623157e+308"_s;
        QTest::newRow("min subnormal") << std::numeric_limits<double>::denorm_min() << u"5e-324"_s;
    }
    void floats()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(pythonFloatRepr(value), expected);
        QCOMPARE(pythonRepr(PyValue::floating(value)), expected);
        QCOMPARE(pythonStr(PyValue::floating(value)), expected);
    }

    void strings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("repr");
        QTest::newRow("plain") << u"Mr. Turtle is done"_s << u"'Mr. Turtle is done'"_s;
        QTest::newRow("apostrophe") << u"it's"_s << u"\"it's\""_s;
        QTest::newRow("both quotes") << u"it's \"x\""_s << u"'it\\'s \"x\"'"_s;
        QTest::newRow("backslash") << u"a\\b"_s << u"'a\\\\b'"_s;
        QTest::newRow("newline and tab") << u"a\nb\tc"_s << u"'a\\nb\\tc'"_s;
        QTest::newRow("control") << u"\x01"_s << u"'\\x01'"_s;
        QTest::newRow("unicode") << u"Grüße, 世界"_s << u"'Grüße, 世界'"_s;
        // Python escapes what str.isprintable() refuses: controls, formats, separators but ' '.
        QTest::newRow("delete") << u"\x7f"_s << u"'\\x7f'"_s;
        QTest::newRow("next line") << u"a\u0085b"_s << u"'a\\x85b'"_s;
        QTest::newRow("no-break space") << u"\u00a0"_s << u"'\\xa0'"_s;
        QTest::newRow("ideographic space") << u"\u3000"_s << u"'\\u3000'"_s;
        QTest::newRow("zero width space") << u"\u200b"_s << u"'\\u200b'"_s;
        QTest::newRow("line separator") << u"\u2028"_s << u"'\\u2028'"_s;
        QTest::newRow("private use") << u"\ue000"_s << u"'\\ue000'"_s;
        QTest::newRow("emoji") << u"\U0001F600"_s << u"'\U0001F600'"_s;
        QTest::newRow("tag") << u"\U000E0001"_s << u"'\\U000e0001'"_s;
        QTest::newRow("long s") << u"\u017f"_s << u"'\u017f'"_s;
        QTest::newRow("empty") << QString() << u"''"_s;
    }
    void strings()
    {
        QFETCH(QString, text);
        QFETCH(QString, repr);
        QCOMPARE(pythonRepr(PyValue::string(text)), repr);
        QCOMPARE(pythonStr(PyValue::string(text)), text);
    }

    void integers()
    {
        QCOMPARE(pythonRepr(PyValue::integer(10)), u"10"_s);
        QCOMPARE(pythonStr(PyValue::integer(-7)), u"-7"_s);
    }

    void exceptions()
    {
        const auto zero = PyValue::exception({"ZeroDivisionError", "Cannot divide by zero"});
        QCOMPARE(pythonRepr(zero), u"ZeroDivisionError('Cannot divide by zero')"_s);
        QCOMPARE(pythonStr(zero), u"Cannot divide by zero"_s);
        const auto cancelled = PyValue::exception({"CancelledError", ""});
        QCOMPARE(pythonRepr(cancelled), u"CancelledError()"_s);
        QCOMPARE(pythonStr(cancelled), QString());
        // asyncio 3.11 puts CancelledError('') in a return_exceptions list for a cancelled task.
        const auto emptyArgument = PyValue::exception({"CancelledError", "", true});
        QCOMPARE(pythonRepr(emptyArgument), u"CancelledError('')"_s);
        QCOMPARE(pythonStr(emptyArgument), QString());
    }

    void aKeyErrorQuotesItsArgument_data()
    {
        // As CPython 3.11 prints them: str(KeyError('x')) is 'x', its traceback line
        // KeyError: 'x'; any other type prints its argument as it is.
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("argument"); // raised with its message, even an empty one
        QTest::addColumn<QString>("repr");
        QTest::addColumn<QString>("str");
        QTest::addColumn<QString>("line");
        QTest::newRow("KeyError('x')") << u"KeyError"_s << u"x"_s << true << u"KeyError('x')"_s
                                       << u"'x'"_s << u"KeyError: 'x'"_s;
        QTest::newRow("KeyError('')") << u"KeyError"_s << QString() << true << u"KeyError('')"_s
                                      << u"''"_s << u"KeyError: ''"_s;
        QTest::newRow("KeyError()")
            << u"KeyError"_s << QString() << false << u"KeyError()"_s << QString() << u"KeyError"_s;
        QTest::newRow("KeyError(\"it's\")")
            << u"KeyError"_s << u"it's"_s << true << u"KeyError(\"it's\")"_s << u"\"it's\""_s
            << u"KeyError: \"it's\""_s;
        QTest::newRow("KeyError('a\\nb')")
            << u"KeyError"_s << u"a\nb"_s << true << u"KeyError('a\\nb')"_s << u"'a\\nb'"_s
            << u"KeyError: 'a\\nb'"_s;
        QTest::newRow("ValueError('')") << u"ValueError"_s << QString() << true
                                        << u"ValueError('')"_s << QString() << u"ValueError"_s;
        QTest::newRow("ValueError('a\\nb')")
            << u"ValueError"_s << u"a\nb"_s << true << u"ValueError('a\\nb')"_s << u"a\nb"_s
            << u"ValueError: a\nb"_s;
    }
    void aKeyErrorQuotesItsArgument()
    {
        QFETCH(QString, type);
        QFETCH(QString, message);
        QFETCH(bool, argument);
        QFETCH(QString, repr);
        QFETCH(QString, str);
        QFETCH(QString, line);
        const ExceptionInfo error{type.toStdString(), message.toStdString(), argument};
        QCOMPARE(pythonRepr(PyValue::exception(error)), repr);
        QCOMPARE(pythonStr(PyValue::exception(error)), str);
        QCOMPARE(pythonExceptionStr(error), str);
        QCOMPARE(pythonExceptionLine(error), line);
    }

    void onlyCancelledErrorIsNoException()
    {
        // The article prints `Error:` for `isinstance(r, Exception)`; CancelledError is a
        // BaseException since Python 3.8.
        QVERIFY(isInstanceOfException({"ZeroDivisionError", "Cannot divide by zero"}));
        QVERIFY(isInstanceOfException({"TimeoutError", ""}));
        QVERIFY(!isInstanceOfException({"CancelledError", ""}));
    }

    void trueDivision_data()
    {
        QTest::addColumn<PyValue>("x");
        QTest::addColumn<PyValue>("y");
        QTest::addColumn<QString>("expected");
        // Each expected text is what CPython 3.11 prints for x / y.
        const auto i = [](std::int64_t v) { return PyValue::integer(v); };
        const auto f = [](double v) { return PyValue::floating(v); };
        const std::int64_t max = std::numeric_limits<std::int64_t>::max();
        const std::int64_t min = std::numeric_limits<std::int64_t>::min();
        QTest::newRow("10 / 2") << i(10) << i(2) << u"5.0"_s;
        QTest::newRow("-7 / 2") << i(-7) << i(2) << u"-3.5"_s;
        QTest::newRow("1 / 3") << i(1) << i(3) << u"0.3333333333333333"_s;
        QTest::newRow("0 / -5") << i(0) << i(-5) << u"-0.0"_s;
        QTest::newRow("0 / 5") << i(0) << i(5) << u"0.0"_s;
        QTest::newRow("past 2^53") << i(9007199254740993) << i(3) << u"3002399751580331.0"_s;
        QTest::newRow("large / 7") << i(123456789012345678) << i(7) << u"1.7636684144620812e+16"_s;
        QTest::newRow("min / 3") << i(min) << i(3) << u"-3.0744573456182584e+18"_s;
        QTest::newRow("max / max") << i(max) << i(max) << u"1.0"_s;
        QTest::newRow("1 / max") << i(1) << i(max) << u"1.0842021724855044e-19"_s;
        QTest::newRow("max / 2") << i(max) << i(2) << u"4.611686018427388e+18"_s;
        QTest::newRow("float / int") << f(10.0) << i(4) << u"2.5"_s;
        QTest::newRow("int / -0.0 float") << i(1) << f(-0.5) << u"-2.0"_s;
        QTest::newRow("overflow") << f(1.5e300) << f(1e-300) << u"inf"_s;
    }
    void trueDivision()
    {
        QFETCH(PyValue, x);
        QFETCH(PyValue, y);
        QFETCH(QString, expected);
        QCOMPARE(pythonFloatRepr(pythonTrueDivide(x, y)), expected);
    }

    void lists()
    {
        const auto list = PyValue::list(
            {PyValue::string(u"Mr. Turtle is done"_s), PyValue::string(u"Mr. Wolf is done"_s)});
        QCOMPARE(pythonRepr(list), u"['Mr. Turtle is done', 'Mr. Wolf is done']"_s);
        QCOMPARE(pythonStr(list), pythonRepr(list)); // str(list) is its repr
        const auto mixed =
            PyValue::list({PyValue::floating(5.0),
                           PyValue::exception({"ZeroDivisionError", "Cannot divide by zero"}),
                           PyValue::list({PyValue::integer(1), PyValue::list({})})});
        QCOMPARE(pythonRepr(mixed),
                 u"[5.0, ZeroDivisionError('Cannot divide by zero'), [1, []]]"_s);
    }

    void cutReprsStopAtTheirLength()
    {
        const auto mixed = PyValue::list(
            {PyValue::integer(10), PyValue::list({PyValue::integer(1), PyValue::list({})})});
        QCOMPARE(pythonReprCut(mixed, 100), u"[10, [1, []]]"_s); // short enough: whole
        QCOMPARE(pythonReprCut(mixed, 13), u"[10, [1, []]]"_s);
        QCOMPARE(pythonReprCut(mixed, 12), u"[10, [1, []]…"_s);
        QCOMPARE(pythonReprCut(mixed, 5), u"[10, …"_s);
        // A list of a million items is not written out to be cut.
        const auto huge = PyValue::list(PyValue::List(1'000'000, PyValue::integer(7)));
        QCOMPARE(pythonReprCut(huge, 10), u"[7, 7, 7, …"_s);
    }

    void listsAreSharedNotCopied()
    {
        const auto inner = PyValue::list({PyValue::integer(1)});
        const PyValue copy = inner; // NOLINT(performance-unnecessary-copy-initialization)
        QCOMPARE(&copy.toList(), &inner.toList());
        QVERIFY(copy == PyValue::list({PyValue::integer(1)})); // equal by content
        QVERIFY(!(copy == PyValue::list({PyValue::integer(2)})));
    }
};

QTEST_GUILESS_MAIN(PythonReprTest)
#include "tst_pythonrepr.moc"
