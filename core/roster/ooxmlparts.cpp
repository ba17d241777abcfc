// SPDX-License-Identifier: GPL-3.0-or-later
#include "ooxmlparts.h"

#include "ooxmlpackage.h"
#include "rosterlogging.h"
#include "zippackage.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cmath>
#include <optional>

namespace ClassDesk::OoxmlParts {

namespace {

const QString MainNamespace = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");

// Excel's sheet size.
constexpr int SheetRowLimit = 1'048'576;
constexpr int SheetColumnLimit = 16'384;

using Failure = std::unexpected<Error>;

Failure damaged(const QString &reason)
{
    return ZipPackage::damaged(reason);
}

// A decimal number of at most 9 digits without sign or spaces, up to `maximum`.
std::optional<int> parseIndex(QStringView text, int maximum)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (QChar character : text) {
        if (character < u'0' || character > u'9')
            return std::nullopt;
        value = value * 10 + (character.unicode() - u'0');
    }
    if (value > maximum)
        return std::nullopt;
    return value;
}

struct CellReference
{
    int row = 0;    // 1-based
    int column = 0; // 1-based
};

// "B12" → row 12, column 2; nullopt for anything Excel could not have written.
std::optional<CellReference> parseReference(QStringView text)
{
    qsizetype letters = 0;
    int column = 0;
    while (letters < text.size() && letters < 3 && text[letters] >= u'A' && text[letters] <= u'Z') {
        column = column * 26 + (text[letters].unicode() - u'A' + 1);
        ++letters;
    }
    const QStringView digits = text.sliced(letters);
    if (letters == 0 || column > SheetColumnLimit || digits.startsWith(u'0'))
        return std::nullopt;
    const std::optional<int> row = parseIndex(digits, SheetRowLimit);
    if (!row || *row == 0)
        return std::nullopt;
    return CellReference{*row, column};
}

QString referenceText(CellReference reference)
{
    QString letters;
    for (int column = reference.column; column > 0; column = (column - 1) / 26)
        letters.prepend(QChar(u'A' + (column - 1) % 26));
    return letters + QString::number(reference.row);
}

// The text of an <si> or <is> element: every <t>, in runs or not, except
// phonetic runs (<rPh>). Leaves the reader on the element's end.
QString readRichText(QXmlStreamReader &reader)
{
    QString text;
    int depth = 1;
    int phoneticDepth = 0;
    while (depth > 0 && !reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            if (reader.name() == QLatin1String("t")) {
                // readElementText() consumes </t>, so the depth stays.
                const QString part = reader.readElementText(QXmlStreamReader::IncludeChildElements);
                if (phoneticDepth == 0)
                    text += part;
                continue;
            }
            ++depth;
            if (reader.name() == QLatin1String("rPh"))
                ++phoneticDepth;
        } else if (reader.isEndElement()) {
            --depth;
            if (reader.name() == QLatin1String("rPh"))
                --phoneticDepth;
        }
    }
    return text;
}

// The value and type one source cell becomes in the rewritten sheet.
struct CellOutput
{
    QString type;  // "s", "b", or empty for a number
    QString value; // empty: the cell is left out
};

struct SheetState
{
    const QString &sheetName;
    SheetContext &context;
    int row = 0;
    int column = 0;
    int lastRow = 0;
    int lastColumn = 0;
    qint64 droppedCells = 0;
};

Result<CellOutput> convertValue(const QString &type, const QString &value, const QString &inlineText,
                                const QString &reference, SheetState &state)
{
    SheetContext &context = state.context;
    QString text;
    if (type == QLatin1String("s")) {
        const std::optional<int> index = parseIndex(QStringView(value).trimmed(), 999'999'999);
        if (!index || *index >= context.sharedStringCount) {
            return damaged(OoxmlPackage::tr("cell %1 of sheet \"%2\" refers to shared string \"%3\", but the "
                                            "workbook has only %4")
                               .arg(reference, state.sheetName, value)
                               .arg(context.sharedStringCount));
        }
        return CellOutput{QStringLiteral("s"), QString::number(*index)};
    }
    if (type == QLatin1String("inlineStr")) {
        text = inlineText;
    } else if (type == QLatin1String("str") || type == QLatin1String("d")) {
        text = value; // a formula's text result, or an ISO 8601 date written as text
    } else if (type == QLatin1String("e")) {
        return CellOutput{}; // an error value such as #N/A carries nothing for a roster
    } else if (type == QLatin1String("b")) {
        if (value != QLatin1String("0") && value != QLatin1String("1")) {
            return damaged(OoxmlPackage::tr("cell %1 of sheet \"%2\" holds \"%3\", which is not a true/false value")
                               .arg(reference, state.sheetName, value));
        }
        return CellOutput{QStringLiteral("b"), value};
    } else if (type == QLatin1String("n")) {
        const QString trimmed = value.trimmed();
        if (trimmed.isEmpty())
            return CellOutput{};
        bool ok = false;
        const double number = trimmed.toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            return damaged(OoxmlPackage::tr("cell %1 of sheet \"%2\" holds \"%3\", which is not a number")
                               .arg(reference, state.sheetName, value.left(40)));
        }
        return CellOutput{QString(), QString::number(number, 'g', 17)};
    } else {
        return damaged(OoxmlPackage::tr("cell %1 of sheet \"%2\" has the unknown type \"%3\"")
                           .arg(reference, state.sheetName, type.left(20)));
    }

    if (text.isEmpty())
        return CellOutput{};
    context.strings.append(text);
    return CellOutput{QStringLiteral("s"), QString::number(context.strings.size() - 1)};
}

// Reads one <c> element up to its end and writes its canonical form.
Status rewriteCell(QXmlStreamReader &reader, QXmlStreamWriter &writer, SheetState &state)
{
    const QXmlStreamAttributes attributes = reader.attributes();
    const QString referenceAttribute = attributes.value(QLatin1String("r")).toString();
    CellReference location{state.row, state.column + 1};
    if (!referenceAttribute.isEmpty()) {
        const std::optional<CellReference> parsed = parseReference(referenceAttribute);
        if (!parsed || parsed->row != state.row) {
            return damaged(OoxmlPackage::tr("sheet \"%1\" has the invalid cell reference \"%2\" in row %3")
                               .arg(state.sheetName, referenceAttribute.left(20))
                               .arg(state.row));
        }
        location = *parsed;
    }
    if (location.column > SheetColumnLimit)
        return damaged(OoxmlPackage::tr("sheet \"%1\" has more columns than a sheet can hold").arg(state.sheetName));
    state.column = location.column;
    const QString reference = referenceText(location);

    int cellFormat = 0;
    if (attributes.hasAttribute(QLatin1String("s"))) {
        const QString style = attributes.value(QLatin1String("s")).toString();
        const std::optional<int> index = parseIndex(style, 999'999'999);
        if (!index || *index >= state.context.cellFormatCount) {
            return damaged(OoxmlPackage::tr("cell %1 of sheet \"%2\" uses cell format \"%3\", but the workbook "
                                            "defines only %4")
                               .arg(reference, state.sheetName, style.left(20))
                               .arg(state.context.cellFormatCount));
        }
        cellFormat = *index;
    }
    QString type = attributes.value(QLatin1String("t")).toString();
    if (type.isEmpty())
        type = QStringLiteral("n");

    // Formulas (<f>) are left out: orcus then reads the cached result in <v>.
    QString value;
    QString inlineText;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isEndElement() && reader.name() == QLatin1String("c"))
            break;
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("v"))
            value = reader.readElementText(QXmlStreamReader::SkipChildElements);
        else if (reader.name() == QLatin1String("is"))
            inlineText = readRichText(reader);
        else
            reader.skipCurrentElement();
    }
    if (reader.hasError())
        return {}; // the caller reports the XML error

    if (location.row > OoxmlPackage::s_maxRows || location.column > OoxmlPackage::s_maxColumns) {
        ++state.droppedCells;
        return {};
    }
    const auto output = convertValue(type, value, inlineText, reference, state);
    if (!output)
        return Failure(output.error());
    if (output->value.isEmpty())
        return {};

    writer.writeStartElement(MainNamespace, QStringLiteral("c"));
    writer.writeAttribute(QStringLiteral("r"), reference);
    if (cellFormat > 0)
        writer.writeAttribute(QStringLiteral("s"), QString::number(cellFormat));
    if (!output->type.isEmpty())
        writer.writeAttribute(QStringLiteral("t"), output->type);
    writer.writeTextElement(MainNamespace, QStringLiteral("v"), output->value);
    writer.writeEndElement();
    state.lastRow = std::max(state.lastRow, location.row);
    state.lastColumn = std::max(state.lastColumn, location.column);
    return {};
}

// Starts a <row>: its number comes from r, or follows the previous row.
Status startRow(const QXmlStreamReader &reader, QXmlStreamWriter &writer, SheetState &state)
{
    const QString number = reader.attributes().value(QLatin1String("r")).toString();
    const std::optional<int> row = number.isEmpty() ? std::optional<int>(state.row + 1)
                                                    : parseIndex(number, SheetRowLimit);
    if (!row || *row == 0 || *row > SheetRowLimit) {
        return damaged(OoxmlPackage::tr("sheet \"%1\" has the invalid row number \"%2\"")
                           .arg(state.sheetName, number.left(20)));
    }
    state.row = *row;
    state.column = 0;
    writer.writeStartElement(MainNamespace, QStringLiteral("row"));
    writer.writeAttribute(QStringLiteral("r"), QString::number(state.row));
    return {};
}

} // namespace

Result<QStringList> readSharedStrings(const QByteArray &xml, const QString &part)
{
    QStringList strings;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("si"))
            strings.append(readRichText(reader));
    }
    if (reader.hasError())
        return ZipPackage::invalidXml(part, reader);
    return strings;
}

Result<Styles> readStyles(const QByteArray &xml, const QString &part)
{
    // Identifiers past this are not in any Excel file; the cap keeps them in an int.
    constexpr int MaximumFormatIdentifier = 1 << 20;

    Styles styles;
    bool inCellFormats = false;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isEndElement() && reader.name() == QLatin1String("cellXfs"))
            inCellFormats = false;
        if (!reader.isStartElement())
            continue;

        const QXmlStreamAttributes attributes = reader.attributes();
        const QString identifierText = attributes.value(QLatin1String("numFmtId")).toString();
        const std::optional<int> identifier =
            identifierText.isEmpty() ? std::optional<int>(0) : parseIndex(identifierText, MaximumFormatIdentifier);
        if (reader.name() == QLatin1String("cellXfs")) {
            inCellFormats = true;
        } else if (reader.name() == QLatin1String("numFmt") || (inCellFormats && reader.name() == QLatin1String("xf"))) {
            if (!identifier) {
                return damaged(OoxmlPackage::tr("part %1 has the invalid number format \"%2\"")
                                   .arg(part, identifierText.left(20)));
            }
            if (reader.name() == QLatin1String("xf"))
                styles.cellFormats.append(*identifier);
            else
                styles.numberFormats.append({*identifier, attributes.value(QLatin1String("formatCode")).toString()});
        }
    }
    if (reader.hasError())
        return ZipPackage::invalidXml(part, reader);
    return styles;
}

Result<QByteArray> rewriteSheet(const QByteArray &xml, const QString &sheetName, SheetContext &context)
{
    QByteArray output;
    QXmlStreamWriter writer(&output);
    writer.writeStartDocument(QStringLiteral("1.0"), true);
    writer.writeDefaultNamespace(MainNamespace);
    writer.writeStartElement(MainNamespace, QStringLiteral("worksheet"));
    writer.writeStartElement(MainNamespace, QStringLiteral("sheetData"));

    SheetState state{sheetName, context};
    bool inRow = false;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd() && !reader.hasError()) {
        reader.readNext();
        if (reader.isEndElement() && reader.name() == QLatin1String("row") && inRow) {
            writer.writeEndElement();
            inRow = false;
            continue;
        }
        if (!reader.isStartElement())
            continue;

        Status step;
        if (reader.name() == QLatin1String("row")) {
            if (inRow)
                return damaged(OoxmlPackage::tr("sheet \"%1\" has a row inside a row").arg(sheetName));
            step = startRow(reader, writer, state);
            inRow = true;
        } else if (reader.name() == QLatin1String("c") && inRow) {
            step = rewriteCell(reader, writer, state);
        }
        if (!step)
            return Failure(step.error());
    }
    if (reader.hasError()) {
        return damaged(OoxmlPackage::tr("sheet \"%1\" is not valid XML (line %2: %3)")
                           .arg(sheetName)
                           .arg(reader.lineNumber())
                           .arg(reader.errorString()));
    }

    if (qint64(state.lastRow) * state.lastColumn > OoxmlPackage::s_maxCells) {
        return makeError(QStringLiteral("roster.spreadsheet_too_large"),
                         OoxmlPackage::tr("Sheet \"%1\" uses %2 rows and %3 columns, far more than a roster "
                                          "needs. Delete the unused cells, or save the roster as CSV, and import "
                                          "that file.")
                             .arg(sheetName)
                             .arg(state.lastRow)
                             .arg(state.lastColumn));
    }
    if (state.droppedCells > 0) {
        qCWarning(lcCoreRoster) << "Left out" << state.droppedCells << "cells beyond row" << OoxmlPackage::s_maxRows
                                << "or column" << OoxmlPackage::s_maxColumns;
    }
    writer.writeEndElement();
    writer.writeEndElement();
    writer.writeEndDocument();
    return output;
}

} // namespace ClassDesk::OoxmlParts
