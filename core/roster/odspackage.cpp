// SPDX-License-Identifier: GPL-3.0-or-later
#include "odspackage.h"

#include "zippackage.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <optional>

namespace ClassDesk {

namespace {

const QString TableNamespace = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:table:1.0");
const QString OfficeNamespace = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:office:1.0");

// The sheet size of LibreOffice and Excel; liborcus is set up with the same.
constexpr qint64 SheetRowLimit = 1'048'576;
constexpr qint64 SheetColumnLimit = 16'384;

using Failure = std::unexpected<Error>;

Failure damaged(const QString &reason)
{
    return ZipPackage::damaged(reason);
}

std::optional<qint64> parseCount(QStringView text)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 1 || text.front() == u'+')
        return std::nullopt;
    return value;
}

struct TableState
{
    qint64 row = 0;          // rows so far in the current table
    qint64 column = 0;       // columns so far in the current row
    qint64 rowRepeat = 1;    // repeat count of the current row
    qint64 valueCells = 0;   // over the whole document
};

// Rewrites the repeat attribute of a row, column or cell so that it stays
// inside the sheet. Returns 0 when the element lies wholly past the edge.
Result<qint64> clampRepeat(QXmlStreamAttributes &attributes, const QString &name, qint64 used, qint64 limit)
{
    qint64 requested = 1;
    QXmlStreamAttribute *repeatAttribute = nullptr;
    for (QXmlStreamAttribute &attribute : attributes) {
        if (attribute.namespaceUri() != TableNamespace || attribute.name() != name)
            continue;
        const std::optional<qint64> count = parseCount(attribute.value());
        if (!count) {
            return damaged(OdsPackage::tr("content.xml has the invalid repeat count \"%1\"")
                               .arg(attribute.value().left(20)));
        }
        requested = *count;
        repeatAttribute = &attribute;
    }

    const qint64 repeat = std::max<qint64>(0, std::min(requested, limit - used));
    if (repeatAttribute && repeat > 0) {
        *repeatAttribute = QXmlStreamAttribute(repeatAttribute->namespaceUri().toString(),
                                               repeatAttribute->name().toString(), QString::number(repeat));
    }
    return repeat;
}

// Handles one start element of content.xml: false when it must be skipped.
Result<bool> visitElement(QXmlStreamReader &reader, QXmlStreamAttributes &attributes, TableState &state)
{
    if (reader.namespaceUri() != TableNamespace)
        return true;
    const QStringView name = reader.name();
    if (name == QLatin1String("table")) {
        state.row = 0;
        return true;
    }
    if (name == QLatin1String("table-row")) {
        const auto repeat = clampRepeat(attributes, QStringLiteral("number-rows-repeated"), state.row, SheetRowLimit);
        if (!repeat)
            return Failure(repeat.error());
        state.row += *repeat;
        state.rowRepeat = *repeat;
        state.column = 0;
        return *repeat > 0;
    }
    if (name == QLatin1String("table-column")) {
        const auto repeat = clampRepeat(attributes, QStringLiteral("number-columns-repeated"), 0, SheetColumnLimit);
        if (!repeat)
            return Failure(repeat.error());
        return true;
    }
    if (name == QLatin1String("table-cell") || name == QLatin1String("covered-table-cell")) {
        const auto repeat =
            clampRepeat(attributes, QStringLiteral("number-columns-repeated"), state.column, SheetColumnLimit);
        if (!repeat)
            return Failure(repeat.error());
        state.column += *repeat;
        if (attributes.hasAttribute(OfficeNamespace, QStringLiteral("value-type")))
            state.valueCells += *repeat * state.rowRepeat;
        return *repeat > 0;
    }
    return true;
}

Result<QByteArray> rewriteXml(const QByteArray &xml, const QString &part, TableState &state)
{
    QByteArray output;
    QXmlStreamWriter writer(&output);
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.hasError())
            break;
        if (!reader.isStartElement()) {
            if (!reader.isDTD() && !reader.isEntityReference())
                writer.writeCurrentToken(reader);
            continue;
        }

        QXmlStreamAttributes attributes = reader.attributes();
        const auto keep = visitElement(reader, attributes, state);
        if (!keep)
            return Failure(keep.error());
        if (state.valueCells > OdsPackage::s_maxValueCells) {
            return makeError(QStringLiteral("roster.spreadsheet_too_large"),
                             OdsPackage::tr("The workbook repeats its cells into more than %1 filled cells, far more "
                                            "than a roster needs. Save the roster as CSV and import that file.")
                                 .arg(OdsPackage::s_maxValueCells));
        }
        if (!*keep) {
            reader.skipCurrentElement();
            continue;
        }
        writer.writeStartElement(reader.namespaceUri().toString(), reader.name().toString());
        for (const QXmlStreamNamespaceDeclaration &declaration : reader.namespaceDeclarations())
            writer.writeNamespace(declaration.namespaceUri().toString(), declaration.prefix().toString());
        writer.writeAttributes(attributes);
    }
    if (reader.hasError())
        return ZipPackage::invalidXml(part, reader);
    return output;
}

} // namespace

Result<QByteArray> OdsPackage::rewriteForOrcus(const QByteArray &data)
{
    auto package = ZipPackage::read(data);
    if (!package)
        return Failure(package.error());
    if (!package->find(QStringLiteral("content.xml")))
        return damaged(tr("the part content.xml is missing"));

    // orcus reads the sheets from content.xml and cell styles from styles.xml;
    // the other parts (settings, thumbnails, macros) are left out.
    ZipPackage canonical;
    canonical.append({QStringLiteral("mimetype"), QByteArrayLiteral("application/vnd.oasis.opendocument.spreadsheet")});
    TableState state;
    for (const QString &name : {QStringLiteral("content.xml"), QStringLiteral("styles.xml")}) {
        const ZipPackage::Part *part = package->find(name);
        if (!part)
            continue;
        auto rewritten = rewriteXml(part->content, name, state);
        if (!rewritten)
            return Failure(rewritten.error());
        canonical.append({name, std::move(*rewritten)});
    }

    QByteArray result = canonical.write();
    if (result.isEmpty())
        return damaged(tr("it could not be rewritten for reading"));
    return result;
}

} // namespace ClassDesk
