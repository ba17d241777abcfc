// SPDX-License-Identifier: GPL-3.0-or-later
#include "ooxmlpackage.h"

#include "rosterlogging.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <memory>
#include <optional>

namespace ClassDesk::OoxmlPackage {

namespace {

const QString SpreadsheetNamespace = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
const QString SharedStringsType =
    QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings");
const QString SharedStringsContentType =
    QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");

struct Part
{
    QString name;
    QByteArray content;
    uLong dosDate = 0;
};

using Package = QList<Part>;

// Parts larger than this are not read: a roster workbook is far smaller.
constexpr uLong MaximumPartSize = 64 * 1024 * 1024;

struct UnzipCloser
{
    void operator()(void *file) const { unzClose(file); }
};
struct ZipCloser
{
    void operator()(void *file) const { zipClose(file, nullptr); }
};

std::optional<Package> readPackage(const QString &path)
{
    std::unique_ptr<void, UnzipCloser> archive(unzOpen64(QFile::encodeName(path).constData()));
    if (!archive)
        return std::nullopt;

    Package package;
    for (int rc = unzGoToFirstFile(archive.get()); rc == UNZ_OK; rc = unzGoToNextFile(archive.get())) {
        unz_file_info64 info{};
        char name[1024];
        if (unzGetCurrentFileInfo64(archive.get(), &info, name, sizeof(name), nullptr, 0, nullptr, 0) != UNZ_OK
            || info.uncompressed_size > MaximumPartSize || unzOpenCurrentFile(archive.get()) != UNZ_OK) {
            return std::nullopt;
        }
        Part part{QString::fromUtf8(name), QByteArray(qsizetype(info.uncompressed_size), Qt::Uninitialized),
                  info.dosDate};
        const int read = unzReadCurrentFile(archive.get(), part.content.data(), unsigned(part.content.size()));
        unzCloseCurrentFile(archive.get());
        if (read != part.content.size())
            return std::nullopt;
        package.append(std::move(part));
    }
    return package;
}

bool writePackage(const Package &package, const QString &path)
{
    std::unique_ptr<void, ZipCloser> archive(zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE));
    if (!archive)
        return false;
    for (const Part &part : package) {
        zip_fileinfo info{};
        info.dosDate = part.dosDate;
        const QByteArray name = part.name.toUtf8();
        if (zipOpenNewFileInZip(archive.get(), name.constData(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                Z_DEFAULT_COMPRESSION) != ZIP_OK) {
            return false;
        }
        const bool written =
            zipWriteInFileInZip(archive.get(), part.content.constData(), unsigned(part.content.size())) == ZIP_OK;
        if (zipCloseFileInZip(archive.get()) != ZIP_OK || !written)
            return false;
    }
    return zipClose(archive.release(), nullptr) == ZIP_OK;
}

Part *findPart(Package &package, const QString &name)
{
    for (Part &part : package) {
        if (part.name == name)
            return &part;
    }
    return nullptr;
}

// --- Relationship targets ---------------------------------------------------

const QRegularExpression &absoluteTarget()
{
    static const QRegularExpression expression(QStringLiteral(R"re(Target="(/[^"]*)")re"));
    return expression;
}

// "xl/_rels/workbook.xml.rels" relates "xl/workbook.xml", whose folder is "xl".
QString sourceFolder(const QString &relationshipPart)
{
    QString folder = relationshipPart.section(QLatin1Char('/'), 0, -2);
    if (folder.endsWith(QLatin1String("_rels")))
        folder.chop(5);
    while (folder.endsWith(QLatin1Char('/')))
        folder.chop(1);
    return folder;
}

// Relationship parts are flat lists of attributes, so the absolute targets
// are replaced in place and everything else stays byte for byte.
bool makeTargetsRelative(Part &part)
{
    const QString text = QString::fromUtf8(part.content);
    const QDir base(QLatin1Char('/') + sourceFolder(part.name));
    QString result;
    qsizetype last = 0;
    bool changed = false;
    auto matches = absoluteTarget().globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        result += QStringView(text).sliced(last, match.capturedStart(1) - last);
        result += base.relativeFilePath(match.captured(1));
        last = match.capturedEnd(1);
        changed = true;
    }
    if (!changed)
        return false;
    result += QStringView(text).sliced(last);
    part.content = result.toUtf8();
    return true;
}

// --- Inline strings -----------------------------------------------------------

// The text of an <is> element: every <t>, in runs or not, except phonetic runs.
QString readInlineString(QXmlStreamReader &reader)
{
    QString text;
    int depth = 1;
    int phoneticDepth = 0;
    while (depth > 0 && !reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            ++depth;
            if (reader.name() == QLatin1String("rPh")) {
                ++phoneticDepth;
            } else if (reader.name() == QLatin1String("t") && phoneticDepth == 0) {
                text += reader.readElementText(QXmlStreamReader::IncludeChildElements);
                --depth; // readElementText() consumed </t>
            }
        } else if (reader.isEndElement()) {
            --depth;
            if (reader.name() == QLatin1String("rPh"))
                --phoneticDepth;
        }
    }
    return text;
}

// Rewrites one worksheet's inline string cells as shared string references,
// appending their text to `strings`, which starts at index `firstIndex`.
std::optional<QByteArray> moveInlineStrings(const QByteArray &sheet, QStringList &strings, int firstIndex)
{
    QXmlStreamReader reader(sheet);
    QByteArray output;
    QXmlStreamWriter writer(&output);

    while (!reader.atEnd()) {
        reader.readNext();
        const bool inlineCell = reader.isStartElement() && reader.name() == QLatin1String("c")
                                && reader.attributes().value(QLatin1String("t")) == QLatin1String("inlineStr");
        if (!inlineCell) {
            if (!reader.hasError())
                writer.writeCurrentToken(reader);
            continue;
        }

        // <c r="A1" t="inlineStr"><is><t>学号</t></is></c> becomes <c r="A1" t="s"><v>N</v></c>.
        const QString namespaceUri = reader.namespaceUri().toString();
        QXmlStreamAttributes attributes;
        for (const QXmlStreamAttribute &attribute : reader.attributes()) {
            if (attribute.qualifiedName() != QLatin1String("t"))
                attributes.append(attribute);
        }
        QString text;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement() && reader.name() == QLatin1String("is"))
                text = readInlineString(reader);
            else if (reader.isEndElement() && reader.name() == QLatin1String("c"))
                break;
        }
        writer.writeStartElement(namespaceUri, QStringLiteral("c"));
        writer.writeAttributes(attributes);
        writer.writeAttribute(QStringLiteral("t"), QStringLiteral("s"));
        writer.writeTextElement(namespaceUri, QStringLiteral("v"), QString::number(firstIndex + strings.size()));
        writer.writeEndElement();
        strings.append(text);
    }
    if (reader.hasError())
        return std::nullopt;
    return output;
}

int sharedStringCount(const QByteArray &table)
{
    QXmlStreamReader reader(table);
    int count = 0;
    int depth = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && ++depth == 2 && reader.name() == QLatin1String("si"))
            ++count;
        else if (reader.isEndElement())
            --depth;
    }
    return count;
}

void writeStringItems(QXmlStreamWriter &writer, const QString &namespaceUri, const QStringList &strings)
{
    for (const QString &text : strings) {
        writer.writeStartElement(namespaceUri, QStringLiteral("si"));
        writer.writeStartElement(namespaceUri, QStringLiteral("t"));
        writer.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
        writer.writeCharacters(text);
        writer.writeEndElement();
        writer.writeEndElement();
    }
}

// Appends `strings` to an existing table; its count attributes are dropped
// because they are optional and would now be wrong.
std::optional<QByteArray> appendSharedStrings(const QByteArray &table, const QStringList &strings)
{
    QXmlStreamReader reader(table);
    QByteArray output;
    QXmlStreamWriter writer(&output);
    int depth = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && ++depth == 1) {
            writer.writeStartElement(reader.namespaceUri().toString(), reader.name().toString());
            for (const QXmlStreamNamespaceDeclaration &declaration : reader.namespaceDeclarations())
                writer.writeNamespace(declaration.namespaceUri().toString(), declaration.prefix().toString());
            for (const QXmlStreamAttribute &attribute : reader.attributes()) {
                if (attribute.name() != QLatin1String("count") && attribute.name() != QLatin1String("uniqueCount"))
                    writer.writeAttribute(attribute);
            }
            continue;
        }
        if (reader.isEndElement() && depth-- == 1)
            writeStringItems(writer, reader.namespaceUri().toString(), strings);
        if (!reader.hasError())
            writer.writeCurrentToken(reader);
    }
    if (reader.hasError())
        return std::nullopt;
    return output;
}

QByteArray newSharedStrings(const QStringList &strings)
{
    QByteArray output;
    QXmlStreamWriter writer(&output);
    writer.writeStartDocument();
    writer.writeDefaultNamespace(SpreadsheetNamespace);
    writer.writeStartElement(SpreadsheetNamespace, QStringLiteral("sst"));
    writeStringItems(writer, SpreadsheetNamespace, strings);
    writer.writeEndElement();
    writer.writeEndDocument();
    return output;
}

// The shared string table named by the workbook's relationships, if any.
QString sharedStringsPartName(const Package &package)
{
    for (const Part &part : package) {
        if (part.name != QLatin1String("xl/_rels/workbook.xml.rels"))
            continue;
        QXmlStreamReader reader(part.content);
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement() && reader.attributes().value(QLatin1String("Type")) == SharedStringsType) {
                const QString target = reader.attributes().value(QLatin1String("Target")).toString();
                return QDir::cleanPath(QStringLiteral("xl/") + target);
            }
        }
    }
    return {};
}

// Adds a shared string table at xl/sharedStrings.xml to the workbook's
// relationships and the package's content types.
bool addSharedStringsPart(Package &package, const QStringList &strings)
{
    Part *relationships = findPart(package, QStringLiteral("xl/_rels/workbook.xml.rels"));
    Part *contentTypes = findPart(package, QStringLiteral("[Content_Types].xml"));
    const qsizetype relationshipsEnd = relationships ? relationships->content.lastIndexOf("</Relationships>") : -1;
    const qsizetype typesEnd = contentTypes ? contentTypes->content.lastIndexOf("</Types>") : -1;
    if (relationshipsEnd < 0 || typesEnd < 0)
        return false;

    relationships->content.insert(relationshipsEnd, QStringLiteral("<Relationship Id=\"rIdClassDeskStrings\" "
                                                                   "Type=\"%1\" Target=\"sharedStrings.xml\"/>")
                                                        .arg(SharedStringsType)
                                                        .toUtf8());
    contentTypes->content.insert(typesEnd, QStringLiteral("<Override PartName=\"/xl/sharedStrings.xml\" "
                                                          "ContentType=\"%1\"/>")
                                               .arg(SharedStringsContentType)
                                               .toUtf8());
    package.append(Part{QStringLiteral("xl/sharedStrings.xml"), newSharedStrings(strings), 0});
    return true;
}

bool moveAllInlineStrings(Package &package, bool *changed)
{
    const QString tableName = sharedStringsPartName(package);
    Part *table = tableName.isEmpty() ? nullptr : findPart(package, tableName);
    const int existing = table ? sharedStringCount(table->content) : 0;

    QStringList strings;
    for (Part &part : package) {
        if (!part.name.startsWith(QLatin1String("xl/worksheets/")) || !part.name.endsWith(QLatin1String(".xml"))
            || !part.content.contains("inlineStr")) {
            continue;
        }
        auto rewritten = moveInlineStrings(part.content, strings, existing);
        if (!rewritten)
            return false;
        part.content = *rewritten;
    }
    if (strings.isEmpty())
        return true;

    *changed = true;
    if (table) {
        auto appended = appendSharedStrings(table->content, strings);
        if (!appended)
            return false;
        table->content = *appended;
        return true;
    }
    return addSharedStringsPart(package, strings);
}

} // namespace

QByteArray normalizedForOrcus(const QByteArray &package)
{
    const bool mayNeedWork = package.contains("inlineStr") || package.contains(".rels");
    if (!mayNeedWork)
        return package;

    // minizip reads and writes files; a roster workbook is small, so temporary copies are cheap.
    QTemporaryDir folder;
    if (!folder.isValid())
        return package;
    const QString sourcePath = folder.filePath(QStringLiteral("source.xlsx"));
    const QString targetPath = folder.filePath(QStringLiteral("target.xlsx"));
    {
        QFile source(sourcePath);
        if (!source.open(QIODevice::WriteOnly) || source.write(package) != package.size())
            return package;
    }

    auto parts = readPackage(sourcePath);
    if (!parts)
        return package;

    bool changed = false;
    for (Part &part : *parts) {
        if (part.name.endsWith(QLatin1String(".rels")) && makeTargetsRelative(part))
            changed = true;
    }
    if (!moveAllInlineStrings(*parts, &changed)) {
        qCWarning(lcCoreRoster) << "Could not move the workbook's inline strings; reading it as it is";
        return package;
    }
    if (!changed)
        return package;

    QFile target(targetPath);
    if (!writePackage(*parts, targetPath) || !target.open(QIODevice::ReadOnly)) {
        qCWarning(lcCoreRoster) << "Could not rewrite the workbook; reading it as it is";
        return package;
    }
    qCInfo(lcCoreRoster) << "Rewrote the workbook's relationship targets and inline strings for the reader";
    return target.readAll();
}

} // namespace ClassDesk::OoxmlPackage
