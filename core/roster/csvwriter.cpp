// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvwriter.h"

#include "exportfile.h"
#include "rosterlogging.h"

#include <QFileInfo>
#include <QSaveFile>

namespace ClassDesk {

namespace {

QString quotedField(const QString &field)
{
    const bool needsQuotes = field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
                             || field.contains(u'\r') || field.startsWith(u' ') || field.endsWith(u' ');
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

QByteArray CsvWriter::toCsv(const ExportTable &table)
{
    QString text;
    for (const QList<ExportCell> &row : table.rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (const ExportCell &cell : row)
            fields.append(quotedField(cell.toText()));
        text += fields.join(u',') + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

Status CsvWriter::write(const QString &path, const ExportTable &table)
{
    if (const Status folder = ExportFile::checkFolder(path); !folder)
        return folder;

    // QSaveFile writes a temporary file in the same folder and renames it.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(table)) < 0 || !file.commit()) {
        qCWarning(lcCoreRoster) << "Cannot write CSV file" << path << file.errorString();
        return makeError(QStringLiteral("export.write_failed"),
                         tr("Could not save %1 (%2). Check that the folder is writable and the "
                            "file is not open in another program.")
                             .arg(QFileInfo(path).fileName(), file.errorString()));
    }
    return {};
}

} // namespace ClassDesk
