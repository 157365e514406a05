// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// PyRandom draws what CPython 3.11's `random` draws after the same `random.seed(n)`.

#include "pyrandom.h"

#include <QTest>

#include <limits>
#include <stdexcept>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

//! \a decimal (a whole number ≥ 0 of any size) as 32-bit words, least significant first.
std::vector<std::uint32_t> decimalToWords(const QString &decimal)
{
    std::vector<std::uint32_t> words;
    for (const QChar digit : decimal) {
        std::uint64_t carry = std::uint64_t(digit.digitValue());
        for (std::uint32_t &word : words) {
            const std::uint64_t value = std::uint64_t(word) * 10 + carry;
            word = std::uint32_t(value);
            carry = value >> 32;
        }
        if (carry != 0)
            words.push_back(std::uint32_t(carry));
    }
    return words;
}

//! \a values as Python prints a list of ints.
template<typename T>
QString pythonList(const std::vector<T> &values)
{
    QStringList items;
    for (const T value : values)
        items << QString::number(value);
    return u'[' + items.join(u", "_s) + u']';
}

//! \a count numbers from \a draw, as Python prints a list of them.
template<typename Draw>
QString pythonListOf(int count, Draw draw)
{
    QStringList items;
    items.reserve(count);
    for (int i = 0; i < count; ++i)
        items << QString::number(draw());
    return u'[' + items.join(u", "_s) + u']';
}

//! Eight draws of \a call (`randint(a, b)` or `getrandbits(a)`) from a fresh generator.
QString eightDraws(PyRandom random, const QString &call, qint64 a, qint64 b)
{
    if (call == u"randint"_s)
        return pythonListOf(8, [&] { return random.randint(a, b); });
    return pythonListOf(8, [&] { return random.getrandbits(int(a)); });
}

void randintRow(const char *seedExpression, const char *seed, qint64 a, qint64 b,
                const char *expected)
{
    QTest::addRow("seed %s: randint(%lld, %lld)", seedExpression, static_cast<long long>(a),
                  static_cast<long long>(b))
        << QString::fromLatin1(seed) << u"randint"_s << a << b << QString::fromLatin1(expected);
}

void bitsRow(const char *seedExpression, const char *seed, int k, const char *expected)
{
    QTest::addRow("seed %s: getrandbits(%d)", seedExpression, k)
        << QString::fromLatin1(seed) << u"getrandbits"_s << qint64(k) << qint64(0)
        << QString::fromLatin1(expected);
}

//! \a words (least significant first) as Python's `hex()` prints the number.
QString pythonHex(const std::vector<std::uint32_t> &words)
{
    QString digits;
    for (auto word = words.rbegin(); word != words.rend(); ++word)
        digits += u"%1"_s.arg(*word, 8, 16, QChar(u'0'));
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits.remove(0, 1);
    return u"0x"_s + (digits.isEmpty() ? u"0"_s : digits);
}

constexpr std::int64_t int64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t int64Max = std::numeric_limits<std::int64_t>::max();

} // namespace

class PyRandomTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void drawsAsPythonDoes_data()
    {
        QTest::addColumn<QString>("seed"); // in decimal: 10**30 is past 64 bits
        QTest::addColumn<QString>("call");
        QTest::addColumn<qint64>("a"); // randint's a, or getrandbits's k
        QTest::addColumn<qint64>("b");
        QTest::addColumn<QString>("expected");
        // randint(1, 4) draws 3 bits, not 2: Python takes n.bit_length() bits for n numbers.
        // Printed by CPython 3.11.7 (and wrapped by clang-format) with
        // python3 -c '
        // import random
        // for s in ["0", "1", "2024", "2**64-1", "10**30"]:
        //     for a, b in [(1, 3), (1, 4), (1, 5), (0, 0), (-5, 5), (0, 2**40)]:
        //         random.seed(eval(s))
        //         got = [random.randint(a, b) for _ in range(8)]
        //         print(f"randintRow(\"{s}\", \"{eval(s)}\", {a}, {b}, \"{got}\");")
        //     for k in [1, 32, 33, 64]:
        //         random.seed(eval(s))
        //         got = [random.getrandbits(k) for _ in range(8)]
        //         print(f"bitsRow(\"{s}\", \"{eval(s)}\", {k}, \"{got}\");")
        // '
        randintRow("0", "0", 1, 3, "[2, 2, 1, 2, 3, 2, 2, 2]");
        randintRow("0", "0", 1, 4, "[4, 4, 1, 3, 4, 4, 3, 4]");
        randintRow("0", "0", 1, 5, "[4, 4, 1, 3, 5, 4, 4, 3]");
        randintRow("0", "0", 0, 0, "[0, 0, 0, 0, 0, 0, 0, 0]");
        randintRow("0", "0", -5, 5, "[1, 1, -5, -1, 3, 2, 1, -1]");
        randintRow("0", "0", 0, 1099511627776,
                   "[849735321549, 87705687125, 1067347797602, 788025983492, 480641685011, "
                   "307110291574, 306153162355, 209404584569]");
        bitsRow("0", "0", 1, "[1, 0, 1, 1, 0, 0, 0, 1]");
        bitsRow("0", "0", 32,
                "[3626764237, 1654615998, 3255389356, 3823568514, 1806341205, 173879092, "
                "1112038970, 4146640122]");
        bitsRow("0", "0", 33,
                "[3626764237, 7550356652, 1806341205, 5407006266, 2195908194, 6034146168, "
                "7661356601, 5597685513]");
        bitsRow("0", "0", 64,
                "[7106521602475165645, 16422101724900707500, 746805015404516437, "
                "17809683713383489082, 8963783824838420066, 16938433693753131896, "
                "15308084094301570617, 17852758786694309641]");
        randintRow("1", "1", 1, 3, "[1, 3, 1, 2, 1, 2, 2, 2]");
        randintRow("1", "1", 1, 4, "[2, 1, 3, 1, 4, 4, 4, 4]");
        randintRow("1", "1", 1, 5, "[2, 5, 1, 3, 1, 4, 4, 4]");
        randintRow("1", "1", 0, 0, "[0, 0, 0, 0, 0, 0, 0, 0]");
        randintRow("1", "1", -5, 5, "[-3, 4, -4, -1, -4, 2, 2, 2]");
        randintRow("1", "1", 0, 1099511627776,
                   "[140719340484, 258793550908, 1037017667747, 836022225947, 462949041686, "
                   "1069849980556, 858288075698, 586028475693]");
        bitsRow("1", "1", 1, "[0, 1, 1, 1, 1, 0, 0, 0]");
        bitsRow("1", "1", 32,
                "[577090037, 2444712010, 3639700191, 3445702192, 3280387012, 271041745, "
                "1095513148, 506456969]");
        bitsRow("1", "1", 33,
                "[4872057333, 7934667487, 3280387012, 1095513148, 6422844795, 1930549411, "
                "2798570523, 3387541014]");
        bitsRow("1", "1", 64,
                "[10499958131665514997, 14799178230035213023, 1164115433906158532, "
                "2175216119781798972, 14037279428536751483, 8711387064946514083, "
                "7002664860023442459, 3872982626502034966]");
        randintRow("2024", "2024", 1, 3, "[2, 1, 3, 3, 2, 1, 3, 2]");
        randintRow("2024", "2024", 1, 4, "[4, 2, 3, 2, 4, 3, 2, 4]");
        randintRow("2024", "2024", 1, 5, "[4, 2, 5, 3, 2, 4, 3, 5]");
        randintRow("2024", "2024", 0, 0, "[0, 0, 0, 0, 0, 0, 0, 0]");
        randintRow("2024", "2024", -5, 5, "[2, -3, 4, -1, -2, 1, -1, 3]");
        randintRow("2024", "2024", 0, 1099511627776,
                   "[401450982790, 439391266343, 779529268711, 480878495600, 728873386776, "
                   "165439351627, 1023991373792, 308136001625]");
        bitsRow("2024", "2024", 1, "[0, 0, 1, 1, 0, 0, 1, 1]");
        bitsRow("2024", "2024", 32,
                "[2019024262, 780421486, 3127871324, 2484006460, 1304602151, 859859908, "
                "3810917030, 3107472670]");
        bitsRow("2024", "2024", 33,
                "[2019024262, 7422838620, 1304602151, 8105884326, 6056284375, 7372802659, "
                "5434083396, 5347950038]");
        bitsRow("2024", "2024", 64,
                "[3351884761484746118, 10668726511880603484, 3693070185306170919, "
                "13346493494674717350, 13968189952886542551, 13994177366792079971, "
                "9835443772897724484, 11734856328907275734]");
        randintRow("2**64-1", "18446744073709551615", 1, 3, "[1, 1, 2, 3, 1, 2, 3, 1]");
        randintRow("2**64-1", "18446744073709551615", 1, 4, "[1, 2, 3, 2, 4, 1, 3, 1]");
        randintRow("2**64-1", "18446744073709551615", 1, 5, "[1, 2, 3, 5, 2, 4, 5, 1]");
        randintRow("2**64-1", "18446744073709551615", 0, 0, "[0, 0, 0, 0, 0, 0, 0, 0]");
        randintRow("2**64-1", "18446744073709551615", -5, 5, "[-5, -2, 0, 4, -2, 2, 4, -4]");
        randintRow("2**64-1", "18446744073709551615", 0, 1099511627776,
                   "[545554587262, 1001637773393, 208800376259, 119153246635, 424072724304, "
                   "1062273470235, 611011188478, 79842012307]");
        bitsRow("2**64-1", "18446744073709551615", 1, "[0, 0, 0, 1, 0, 0, 1, 0]");
        bitsRow("2**64-1", "18446744073709551615", 32,
                "[93740670, 1068495656, 1452108352, 2657516307, 910393425, 1958779474, 2641946051, "
                "408097150]");
        bitsRow("2**64-1", "18446744073709551615", 33,
                "[93740670, 5747075648, 910393425, 2641946051, 8244494580, 5888590059, 7439366323, "
                "3189129643]");
        bitsRow("2**64-1", "18446744073709551615", 64,
                "[4589153898531806846, 11413945628603804224, 8412893781816475729, "
                "1752763915482752451, 16617046528768934132, 14166965630497767659, "
                "12830555127327471795, 1002642564908990891]");
        randintRow("10**30", "1000000000000000000000000000000", 1, 3, "[2, 3, 1, 2, 1, 2, 1, 2]");
        randintRow("10**30", "1000000000000000000000000000000", 1, 4, "[4, 1, 3, 1, 3, 2, 4, 4]");
        randintRow("10**30", "1000000000000000000000000000000", 1, 5, "[4, 5, 1, 3, 1, 3, 2, 4]");
        randintRow("10**30", "1000000000000000000000000000000", 0, 0, "[0, 0, 0, 0, 0, 0, 0, 0]");
        randintRow("10**30", "1000000000000000000000000000000", -5, 5,
                   "[2, 3, -4, 0, -5, 0, -3, 1]");
        randintRow("10**30", "1000000000000000000000000000000", 0, 1099511627776,
                   "[1077753971334, 272839115549, 48744301183, 998205073866, 299966648199, "
                   "3433269696, 474541494590, 638424295150]");
        bitsRow("10**30", "1000000000000000000000000000000", 1, "[1, 0, 1, 0, 0, 0, 0, 1]");
        bitsRow("10**30", "1000000000000000000000000000000", 32,
                "[4012147334, 2100903950, 2256175901, 532161490, 1499660927, 93094754, 1417110675, "
                "4104348919]");
        bitsRow("10**30", "1000000000000000000000000000000", 33,
                "[4012147334, 2256175901, 1499660927, 5712077971, 4917836105, 1772661194, "
                "3613904775, 6121025251]");
        bitsRow("10**30", "1000000000000000000000000000000", 64,
                "[9023313761299366534, 2285616197996806941, 399838925358826111, "
                "17628044379895063699, 15951095052875348297, 8394401856820390346, "
                "2489821699343110023, 14563345387929169635]");
    }

    void drawsAsPythonDoes()
    {
        QFETCH(QString, seed);
        QFETCH(QString, call);
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        QFETCH(QString, expected);
        const std::vector<std::uint32_t> words = decimalToWords(seed);
        QCOMPARE(eightDraws(PyRandom(words), call, a, b), expected);
        // A seed that fits in 64 bits seeds the same either way.
        if (words.size() <= 2)
            QCOMPARE(eightDraws(PyRandom(seed.toULongLong()), call, a, b), expected);
    }

    void drawsInterleaveAsInPython()
    {
        // Each call takes its words from the one sequence; randint(0, 0) takes one too (it
        // draws a bit until it is 0), getrandbits(0) none. From
        // python3 -c 'import random; random.seed(2024); print([random.randint(1, 3),
        //   random.randint(0, 0), random.getrandbits(33), random.randint(-5, 5),
        //   random.randrange(10, 20), random.getrandbits(0), random.randint(1, 5)])'
        PyRandom random(2024);
        const std::vector<std::int64_t> got{
            random.randint(1, 3),  random.randint(0, 0),     std::int64_t(random.getrandbits(33)),
            random.randint(-5, 5), random.randrange(10, 20), std::int64_t(random.getrandbits(0)),
            random.randint(1, 5)};
        QCOMPARE(pythonList(got), u"[2, 0, 7422838620, -1, 13, 0, 4]"_s);
    }

    void widestRanges()
    {
        // All of int64 is 2^64 numbers: 65 bits per draw, about half of them rejected. From
        // python3 -c 'import random; random.seed(7); print([random.randint(-2**63, 2**63-1)
        //   for _ in range(6)])'
        PyRandom random(7);
        QCOMPARE(pythonListOf(6, [&] { return random.randint(int64Min, int64Max); }),
                 u"[8261657684473197624, 2784249659845191438, "
                 u"-8531699129511414324, -1509457273540090022, "
                 u"8258772313671944433, 1577960769301841103]"_s);
        // One number fewer: 64 bits. From
        // python3 -c 'import random; random.seed(7); print([random.randrange(-2**63, 2**63-1)
        //   for _ in range(6)])'
        random.seed(7);
        QCOMPARE(pythonListOf(6, [&] { return random.randrange(int64Min, int64Max); }),
                 u"[8261657684473197624, -1940164072735634121, "
                 u"-8332644676416592816, 5926464585665818419, "
                 u"-7486979218489765845, 1527169275425311224]"_s);
        // 2^63 + 1 numbers: 64 bits, again about half of them rejected. From
        // python3 -c 'import random; random.seed(7); print([random.randint(-2**62, 2**62)
        //   for _ in range(6)])'
        random.seed(7);
        constexpr std::int64_t twoTo62 = std::int64_t(1) << 62;
        QCOMPARE(pythonListOf(6, [&] { return random.randint(-twoTo62, twoTo62); }),
                 u"[2671521945691753783, -3720958657989204912, "
                 u"-2875293200062377941, -651203574895259915, "
                 u"-3026239342489546536, 3102228744887297882]"_s);
    }

    void bitsPastSixtyFour()
    {
        // From
        // python3 -c 'import random; random.seed(10**30); print([hex(random.getrandbits(100))
        //   for _ in range(3)])'
        PyRandom random(decimalToWords(u"1000000000000000000000000000000"_s));
        QStringList got;
        for (int i = 0; i < 3; ++i) {
            const std::vector<std::uint32_t> words = random.getrandbitsWords(100);
            QCOMPARE(words.size(), std::size_t(4));
            got << u"'"_s + pythonHex(words) + u"'"_s;
        }
        QCOMPARE(u"["_s + got.join(u", "_s) + u"]"_s,
                 u"['0x1867a831d7d39400eef248286', '0xf54776493058c83625963027f', "
                 u"'0x769a8a9cadd5dac7025203949']"_s);

        // Up to 64 bits, both forms take the same words.
        PyRandom wide(99);
        PyRandom narrow(99);
        for (const int k : {0, 1, 31, 32, 33, 63, 64}) {
            const std::vector<std::uint32_t> words = wide.getrandbitsWords(std::size_t(k));
            QCOMPARE(words.size(), std::size_t((k + 31) / 32));
            std::uint64_t value = 0;
            for (std::size_t i = 0; i < words.size(); ++i)
                value |= std::uint64_t(words[i]) << (32 * i);
            QCOMPARE(value, narrow.getrandbits(k));
        }
    }

    void seedWordsAreANumber()
    {
        // Zero words at the top do not change the number; no words at all are 0.
        const std::vector<std::uint32_t> fiveWithZeros{5, 0, 0};
        PyRandom padded(fiveWithZeros);
        PyRandom five(5);
        QCOMPARE(padded.getrandbits(64), five.getrandbits(64));
        PyRandom none{std::span<const std::uint32_t>()};
        PyRandom zero(0);
        QCOMPARE(none.getrandbits(64), zero.getrandbits(64));
        // Seeding again starts the sequence again.
        zero.seed(1);
        QCOMPARE(zero.randint(1, 3), 1); // as `random.seed(1); random.randint(1, 3)`
    }

    void emptyRangesAreRefused()
    {
        // Python raises ValueError for the empty ranges and a negative k; past 64 bits it
        // takes getrandbitsWords.
        PyRandom random(1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, random.randint(2, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, random.randrange(3, 3));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, random.randbelow(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, random.getrandbits(-1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, random.getrandbits(65));
    }
};

QTEST_GUILESS_MAIN(PyRandomTest)
#include "tst_pyrandom.moc"
