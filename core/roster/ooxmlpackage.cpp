// SPDX-License-Identifier: GPL-3.0-or-later
#include "ooxmlpackage.h"

#include "ooxmlparts.h"
#include "rosterlogging.h"
#include "zippackage.h"

#include <QDir>
#include <QHash>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cmath>
#include <functional>

namespace ClassDesk {

namespace {

const QString MainNamespace = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
const QString RelationshipNamespace =
    QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
const QString PackageRelationshipNamespace =
    QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString TypePrefix = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");
const QString ContentTypePrefix = QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.");

struct Relationship
{
    QString type; // last segment of the Type URI, e.g. "worksheet", so Strict OOXML matches too
    QString part; // resolved part name inside the package, without a leading slash
};

struct SheetEntry
{
    QString name;
    QString part;
};

struct Workbook
{
    bool date1904 = false;
    QList<SheetEntry> sheets;
    QString sharedStringsPart;
    QString stylesPart;
};

using Failure = std::unexpected<Error>;

Failure damaged(const QString &reason)
{
    return ZipPackage::damaged(reason);
}

QString folderOf(const QString &part)
{
    return part.section(QLatin1Char('/'), 0, -2);
}

QString resolveTarget(const QString &sourceFolder, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(target.mid(1));
    return QDir::cleanPath(sourceFolder.isEmpty() ? target : sourceFolder + QLatin1Char('/') + target);
}

// The relationships of `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"),
// keyed by Id. A package without the relationships part has none.
Result<QHash<QString, Relationship>> readRelationships(const ZipPackage &package, const QString &part)
{
    const QString folder = folderOf(part);
    const QString relationshipsPart = (folder.isEmpty() ? QString() : folder + QLatin1Char('/'))
                                      + QStringLiteral("_rels/") + part.section(QLatin1Char('/'), -1)
                                      + QStringLiteral(".rels");
    QHash<QString, Relationship> relationships;
    const ZipPackage::Part *source = package.find(relationshipsPart);
    if (!source)
        return relationships;

    QXmlStreamReader reader(source->content);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement() || reader.name() != QLatin1String("Relationship"))
            continue;
        const QXmlStreamAttributes attributes = reader.attributes();
        if (attributes.value(QLatin1String("TargetMode")) == QLatin1String("External"))
            continue;
        const QString type = attributes.value(QLatin1String("Type")).toString().section(QLatin1Char('/'), -1);
        const QString target = attributes.value(QLatin1String("Target")).toString();
        relationships.insert(attributes.value(QLatin1String("Id")).toString(),
                             Relationship{type, resolveTarget(folder, target)});
    }
    if (reader.hasError())
        return ZipPackage::invalidXml(relationshipsPart, reader);
    return relationships;
}

// The workbook part that the package's root relationships name.
Result<QString> workbookPart(const ZipPackage &package)
{
    const auto root = readRelationships(package, QString()); // the package root: _rels/.rels
    if (!root)
        return Failure(root.error());
    for (const Relationship &relationship : *root) {
        if (relationship.type == QLatin1String("officeDocument"))
            return relationship.part;
    }
    return QStringLiteral("xl/workbook.xml");
}

Result<Workbook> readWorkbook(const ZipPackage &package, const QString &part)
{
    const ZipPackage::Part *source = package.find(part);
    if (!source)
        return damaged(OoxmlPackage::tr("the workbook part %1 is missing").arg(part));
    const auto relationships = readRelationships(package, part);
    if (!relationships)
        return Failure(relationships.error());

    Workbook workbook;
    for (const Relationship &relationship : *relationships) {
        if (relationship.type == QLatin1String("sharedStrings"))
            workbook.sharedStringsPart = relationship.part;
        else if (relationship.type == QLatin1String("styles"))
            workbook.stylesPart = relationship.part;
    }

    QXmlStreamReader reader(source->content);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const QXmlStreamAttributes attributes = reader.attributes();
        if (reader.name() == QLatin1String("workbookPr")) {
            const auto date1904 = attributes.value(QLatin1String("date1904"));
            workbook.date1904 = date1904 == QLatin1String("1") || date1904 == QLatin1String("true");
        } else if (reader.name() == QLatin1String("sheet")) {
            QString id;
            for (const QXmlStreamAttribute &attribute : attributes) {
                if (attribute.name() == QLatin1String("id") && !attribute.namespaceUri().isEmpty())
                    id = attribute.value().toString();
            }
            const QString name = attributes.value(QLatin1String("name")).toString();
            const Relationship relationship = relationships->value(id);
            if (name.isEmpty() || relationship.type != QLatin1String("worksheet"))
                continue; // chart sheets and dialog sheets hold no roster
            if (!package.find(relationship.part))
                return damaged(OoxmlPackage::tr("the part of sheet \"%1\" is missing").arg(name));
            if (std::any_of(workbook.sheets.cbegin(), workbook.sheets.cend(),
                            [&name](const SheetEntry &sheet) { return sheet.name == name; })) {
                return damaged(OoxmlPackage::tr("two sheets are named \"%1\"").arg(name));
            }
            workbook.sheets.append({name, relationship.part});
        }
    }
    if (reader.hasError())
        return ZipPackage::invalidXml(part, reader);
    if (workbook.sheets.isEmpty())
        return damaged(OoxmlPackage::tr("the workbook lists no worksheet"));
    return workbook;
}

// --- Writing the canonical package -------------------------------------------

QByteArray writeXml(const std::function<void(QXmlStreamWriter &)> &body)
{
    QByteArray output;
    QXmlStreamWriter writer(&output);
    writer.writeStartDocument(QStringLiteral("1.0"), true);
    body(writer);
    writer.writeEndDocument();
    return output;
}

QByteArray contentTypes(int sheetCount)
{
    return writeXml([sheetCount](QXmlStreamWriter &writer) {
        const QString ns = QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types");
        writer.writeDefaultNamespace(ns);
        writer.writeStartElement(ns, QStringLiteral("Types"));
        writer.writeEmptyElement(ns, QStringLiteral("Default"));
        writer.writeAttribute(QStringLiteral("Extension"), QStringLiteral("rels"));
        writer.writeAttribute(QStringLiteral("ContentType"),
                              QStringLiteral("application/vnd.openxmlformats-package.relationships+xml"));
        writer.writeEmptyElement(ns, QStringLiteral("Default"));
        writer.writeAttribute(QStringLiteral("Extension"), QStringLiteral("xml"));
        writer.writeAttribute(QStringLiteral("ContentType"), QStringLiteral("application/xml"));
        const auto override = [&writer, &ns](const QString &part, const QString &type) {
            writer.writeEmptyElement(ns, QStringLiteral("Override"));
            writer.writeAttribute(QStringLiteral("PartName"), part);
            writer.writeAttribute(QStringLiteral("ContentType"), ContentTypePrefix + type);
        };
        override(QStringLiteral("/xl/workbook.xml"), QStringLiteral("sheet.main+xml"));
        override(QStringLiteral("/xl/sharedStrings.xml"), QStringLiteral("sharedStrings+xml"));
        override(QStringLiteral("/xl/styles.xml"), QStringLiteral("styles+xml"));
        for (int index = 1; index <= sheetCount; ++index)
            override(QStringLiteral("/xl/worksheets/sheet%1.xml").arg(index), QStringLiteral("worksheet+xml"));
        writer.writeEndElement();
    });
}

QByteArray relationships(const QList<std::pair<QString, QString>> &typesAndTargets)
{
    return writeXml([&typesAndTargets](QXmlStreamWriter &writer) {
        writer.writeDefaultNamespace(PackageRelationshipNamespace);
        writer.writeStartElement(PackageRelationshipNamespace, QStringLiteral("Relationships"));
        int id = 0;
        for (const auto &[type, target] : typesAndTargets) {
            writer.writeEmptyElement(PackageRelationshipNamespace, QStringLiteral("Relationship"));
            writer.writeAttribute(QStringLiteral("Id"), QStringLiteral("rId%1").arg(++id));
            writer.writeAttribute(QStringLiteral("Type"), TypePrefix + type);
            writer.writeAttribute(QStringLiteral("Target"), target);
        }
        writer.writeEndElement();
    });
}

QByteArray workbookXml(const Workbook &workbook)
{
    return writeXml([&workbook](QXmlStreamWriter &writer) {
        writer.writeDefaultNamespace(MainNamespace);
        writer.writeNamespace(RelationshipNamespace, QStringLiteral("r"));
        writer.writeStartElement(MainNamespace, QStringLiteral("workbook"));
        if (workbook.date1904) {
            writer.writeEmptyElement(MainNamespace, QStringLiteral("workbookPr"));
            writer.writeAttribute(QStringLiteral("date1904"), QStringLiteral("1"));
        }
        writer.writeStartElement(MainNamespace, QStringLiteral("sheets"));
        for (qsizetype index = 0; index < workbook.sheets.size(); ++index) {
            writer.writeEmptyElement(MainNamespace, QStringLiteral("sheet"));
            writer.writeAttribute(QStringLiteral("name"), workbook.sheets.at(index).name);
            writer.writeAttribute(QStringLiteral("sheetId"), QString::number(index + 1));
            writer.writeAttribute(RelationshipNamespace, QStringLiteral("id"), QStringLiteral("rId%1").arg(index + 1));
        }
        writer.writeEndElement();
        writer.writeEndElement();
    });
}

QByteArray sharedStringsXml(const QStringList &strings)
{
    return writeXml([&strings](QXmlStreamWriter &writer) {
        writer.writeDefaultNamespace(MainNamespace);
        writer.writeStartElement(MainNamespace, QStringLiteral("sst"));
        for (const QString &text : strings) {
            writer.writeStartElement(MainNamespace, QStringLiteral("si"));
            writer.writeStartElement(MainNamespace, QStringLiteral("t"));
            writer.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
            writer.writeCharacters(text);
            writer.writeEndElement();
            writer.writeEndElement();
        }
        writer.writeEndElement();
    });
}

QByteArray stylesXml(const OoxmlParts::Styles &styles)
{
    return writeXml([&styles](QXmlStreamWriter &writer) {
        const QString ns = MainNamespace;
        writer.writeDefaultNamespace(ns);
        writer.writeStartElement(ns, QStringLiteral("styleSheet"));
        if (!styles.numberFormats.isEmpty()) {
            writer.writeStartElement(ns, QStringLiteral("numFmts"));
            for (const auto &[identifier, code] : styles.numberFormats) {
                writer.writeEmptyElement(ns, QStringLiteral("numFmt"));
                writer.writeAttribute(QStringLiteral("numFmtId"), QString::number(identifier));
                writer.writeAttribute(QStringLiteral("formatCode"), code);
            }
            writer.writeEndElement();
        }
        // One plain font, fill, border and cell style: the cell formats point at them.
        for (const char *element : {"font", "fill", "border"}) {
            writer.writeStartElement(ns, QLatin1String(element) + u's');
            writer.writeEmptyElement(ns, QLatin1String(element));
            writer.writeEndElement();
        }
        writer.writeStartElement(ns, QStringLiteral("cellStyleXfs"));
        writer.writeEmptyElement(ns, QStringLiteral("xf"));
        writer.writeAttribute(QStringLiteral("numFmtId"), QStringLiteral("0"));
        writer.writeEndElement();
        writer.writeStartElement(ns, QStringLiteral("cellXfs"));
        for (int identifier : styles.cellFormats) {
            writer.writeEmptyElement(ns, QStringLiteral("xf"));
            writer.writeAttribute(QStringLiteral("numFmtId"), QString::number(identifier));
            writer.writeAttribute(QStringLiteral("xfId"), QStringLiteral("0"));
        }
        writer.writeEndElement();
        writer.writeEndElement();
    });
}

} // namespace

Result<OoxmlPackage::Rewritten> OoxmlPackage::rewriteForOrcus(const QByteArray &data)
{
    auto package = ZipPackage::read(data);
    if (!package)
        return Failure(package.error());

    const auto bookPart = workbookPart(*package);
    if (!bookPart)
        return Failure(bookPart.error());
    const auto workbook = readWorkbook(*package, *bookPart);
    if (!workbook)
        return Failure(workbook.error());

    // Shared strings and styles are optional parts; a sheet that refers to
    // an entry they lack is what makes the workbook damaged.
    QStringList strings;
    if (!workbook->sharedStringsPart.isEmpty()) {
        const ZipPackage::Part *part = package->find(workbook->sharedStringsPart);
        if (!part)
            return damaged(tr("the shared string part %1 is missing").arg(workbook->sharedStringsPart));
        auto read = OoxmlParts::readSharedStrings(part->content, part->name);
        if (!read)
            return Failure(read.error());
        strings = std::move(*read);
    }
    OoxmlParts::Styles styles;
    if (!workbook->stylesPart.isEmpty()) {
        if (const ZipPackage::Part *part = package->find(workbook->stylesPart)) {
            auto read = OoxmlParts::readStyles(part->content, part->name);
            if (!read)
                return Failure(read.error());
            styles = std::move(*read);
        }
    }
    if (styles.cellFormats.isEmpty())
        styles.cellFormats.append(0);

    ZipPackage canonical;
    OoxmlParts::SheetContext context{strings, static_cast<int>(strings.size()),
                                     static_cast<int>(styles.cellFormats.size())};
    QList<std::pair<QString, QString>> bookRelationships;
    for (qsizetype index = 0; index < workbook->sheets.size(); ++index) {
        const SheetEntry &sheet = workbook->sheets.at(index);
        auto rewritten = OoxmlParts::rewriteSheet(package->find(sheet.part)->content, sheet.name, context);
        if (!rewritten)
            return Failure(rewritten.error());
        const QString target = QStringLiteral("worksheets/sheet%1.xml").arg(index + 1);
        canonical.append({QStringLiteral("xl/") + target, std::move(*rewritten)});
        bookRelationships.append({QStringLiteral("worksheet"), target});
    }
    bookRelationships.append({QStringLiteral("sharedStrings"), QStringLiteral("sharedStrings.xml")});
    bookRelationships.append({QStringLiteral("styles"), QStringLiteral("styles.xml")});

    canonical.append({QStringLiteral("[Content_Types].xml"), contentTypes(int(workbook->sheets.size()))});
    canonical.append({QStringLiteral("_rels/.rels"),
                      relationships({{QStringLiteral("officeDocument"), QStringLiteral("xl/workbook.xml")}})});
    canonical.append({QStringLiteral("xl/workbook.xml"), workbookXml(*workbook)});
    canonical.append({QStringLiteral("xl/_rels/workbook.xml.rels"), relationships(bookRelationships)});
    canonical.append({QStringLiteral("xl/sharedStrings.xml"), sharedStringsXml(strings)});
    canonical.append({QStringLiteral("xl/styles.xml"), stylesXml(styles)});

    QByteArray result = canonical.write();
    if (result.isEmpty())
        return damaged(tr("it could not be rewritten for reading"));
    return Rewritten{std::move(result), workbook->date1904};
}

} // namespace ClassDesk
