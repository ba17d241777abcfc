// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include <array>
#include <map>

namespace ClassDesk {

namespace {

constexpr std::array<QChar, 3> s_delimiters{u'\t', u',', u';'};
constexpr int s_sniffLines = 20;

// Counts delimiters per line outside quotes for the first lines of text.
QList<int> delimiterCounts(QStringView text, QChar delimiter)
{
    QList<int> counts;
    int count = 0;
    bool quoted = false;
    bool lineHasContent = false;
    for (qsizetype i = 0; i < text.size() && counts.size() < s_sniffLines; ++i) {
        const QChar c = text[i];
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            if (lineHasContent)
                counts.append(count);
            count = 0;
            lineHasContent = false;
            continue;
        } else if (!quoted && c == delimiter) {
            ++count;
        }
        lineHasContent = true;
    }
    if (lineHasContent && counts.size() < s_sniffLines)
        counts.append(count);
    return counts;
}

// How many lines share the most common non-zero delimiter count.
int consistencyScore(const QList<int> &counts)
{
    std::map<int, int> frequency;
    for (const int count : counts) {
        if (count > 0)
            ++frequency[count];
    }
    int best = 0;
    for (const auto &[count, lines] : frequency)
        best = std::max(best, lines);
    return best;
}

// The state of one parse: the rows so far and the field being read.
class CsvParser
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::CsvReader)

public:
    CsvParser(QChar delimiter, const CsvLimits &limits) : m_delimiter(delimiter), m_limits(limits) {}

    Result<QList<QStringList>> run(QStringView text);

private:
    Status appendChar(QChar c);
    Status endField();
    Status endRow();
    std::unexpected<Error> fail(const QString &code, const QString &message) const;

    QChar m_delimiter;
    CsvLimits m_limits;
    QList<QStringList> m_rows;
    QStringList m_row;
    QString m_field;
    int m_line = 1;
};

Result<QList<QStringList>> CsvParser::run(QStringView text)
{
    bool quoted = false;
    bool afterQuote = false; // a closing quote was read; only a delimiter or line end may follow
    int quoteLine = 0;

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                if (auto appended = appendChar(c); !appended)
                    return std::unexpected(appended.error());
                ++i;
            } else if (c == u'"') {
                quoted = false;
                afterQuote = true;
            } else {
                if (c == u'\n')
                    ++m_line;
                if (auto appended = appendChar(c); !appended)
                    return std::unexpected(appended.error());
            }
            continue;
        }

        if (c == m_delimiter) {
            if (auto ended = endField(); !ended)
                return std::unexpected(ended.error());
            afterQuote = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            if (auto ended = endRow(); !ended)
                return std::unexpected(ended.error());
            ++m_line;
            afterQuote = false;
        } else if (c == u'"' && m_field.isEmpty() && !afterQuote) {
            quoted = true;
            quoteLine = m_line;
        } else {
            // Text after a closing quote ("ab"c) or a quote inside an unquoted
            // field is kept as written, as spreadsheet programs do.
            if (auto appended = appendChar(c); !appended)
                return std::unexpected(appended.error());
        }
    }

    if (quoted) {
        return fail(QStringLiteral("roster.csv_unterminated_quote"),
                    tr("The quoted field that starts on line %1 is never closed. Check the "
                       "quotation marks in the file, or save it again from the spreadsheet program.")
                        .arg(quoteLine));
    }
    if (!m_field.isEmpty() || !m_row.isEmpty()) {
        if (auto ended = endRow(); !ended)
            return std::unexpected(ended.error());
    }
    return std::move(m_rows);
}

Status CsvParser::appendChar(QChar c)
{
    if (m_field.size() >= m_limits.maxFieldLength) {
        return fail(QStringLiteral("roster.csv_field_too_long"),
                    tr("Line %1 holds a field longer than %2 characters, which a roster never "
                       "needs. Check that this is the right file.")
                        .arg(m_line)
                        .arg(m_limits.maxFieldLength));
    }
    m_field.append(c);
    return {};
}

Status CsvParser::endField()
{
    if (m_row.size() >= m_limits.maxColumns) {
        return fail(QStringLiteral("roster.csv_too_many_columns"),
                    tr("Line %1 has more than %2 columns. Check that this is the right file.")
                        .arg(m_line)
                        .arg(m_limits.maxColumns));
    }
    m_row.append(std::exchange(m_field, QString()));
    return {};
}

Status CsvParser::endRow()
{
    if (auto ended = endField(); !ended)
        return ended;
    if (m_rows.size() >= m_limits.maxRows) {
        return fail(QStringLiteral("roster.csv_too_many_rows"),
                    tr("The file has more than %1 rows. Split it into one file per class.")
                        .arg(m_limits.maxRows));
    }
    m_rows.append(std::exchange(m_row, QStringList()));
    return {};
}

std::unexpected<Error> CsvParser::fail(const QString &code, const QString &message) const
{
    return makeError(code, message);
}

} // namespace

QChar CsvReader::sniffDelimiter(QStringView text)
{
    QChar best = u',';
    int bestScore = 0;
    for (const QChar delimiter : s_delimiters) {
        const int score = consistencyScore(delimiterCounts(text, delimiter));
        if (score > bestScore) {
            best = delimiter;
            bestScore = score;
        }
    }
    return best;
}

Result<QList<QStringList>> CsvReader::parse(QStringView text, QChar delimiter,
                                            const CsvLimits &limits)
{
    return CsvParser(delimiter, limits).run(text);
}

} // namespace ClassDesk
