// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterimporter.h"

#include "csvreader.h"
#include "rosterlogging.h"

#include <QFile>
#include <QFileInfo>

namespace ClassDesk {

namespace {

RosterPreview fileProblem(QString code, QString message)
{
    RosterPreview preview;
    preview.problems.append({RosterProblemKind::Unreadable, 0, {}, std::move(message), std::move(code)});
    return preview;
}

// The kind of file that its first bytes show. A file named .csv may contain a
// PDF, a picture or a spreadsheet.
enum class Content { Text, Zip, OldOffice, Pdf, Image, Archive };

Content sniffContent(const QByteArray &bytes)
{
    if (bytes.startsWith("PK\x03\x04"))
        return Content::Zip;
    if (bytes.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return Content::OldOffice;
    if (bytes.startsWith("%PDF-"))
        return Content::Pdf;
    if (bytes.startsWith("\x89PNG") || bytes.startsWith("\xFF\xD8\xFF") || bytes.startsWith("GIF8")
        || bytes.startsWith("BM"))
        return Content::Image;
    if (bytes.startsWith("Rar!") || bytes.startsWith("7z\xBC\xAF\x27\x1C") || bytes.startsWith("\x1F\x8B"))
        return Content::Archive;
    return Content::Text;
}

// A reader's error keeps its own code, which separates a damaged spreadsheet
// from a CSV cut short.
RosterPreview unreadable(const Error &error)
{
    return fileProblem(error.code, error.message);
}

} // namespace

RosterPreview RosterImporter::previewFile(const QString &path, const RosterImportOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcCoreRoster) << "Cannot open roster file" << path << file.errorString();
        return fileProblem(QStringLiteral("roster.file_unreadable"),
                           tr("Could not open %1 (%2). Check that the file exists and is not "
                              "open in another program.")
                               .arg(QFileInfo(path).fileName(), file.errorString()));
    }

    const std::optional<SpreadsheetReader::Format> format = SpreadsheetReader::formatForFileName(path);
    const qsizetype limit = format ? SpreadsheetReader::s_maxFileSize : s_maxTextFileSize;
    if (file.size() > limit) {
        return fileProblem(QStringLiteral("roster.file_too_large"),
                           tr("%1 is larger than %2 MB, which is far more than a roster needs. "
                              "Check that this is the right file.")
                               .arg(QFileInfo(path).fileName())
                               .arg(limit / (1024 * 1024)));
    }

    const QByteArray bytes = file.readAll();
    qCInfo(lcCoreRoster) << "Reading roster file" << QFileInfo(path).fileName() << bytes.size() << "bytes";
    const QString fileName = QFileInfo(path).fileName();
    switch (sniffContent(bytes)) {
    case Content::Zip:
        // An .xlsx or .ods saved or renamed with another ending is still read.
        if (!format) {
            const bool ods = bytes.left(100).contains("application/vnd.oasis.opendocument.spreadsheet");
            return previewSpreadsheet(bytes, ods ? SpreadsheetReader::Format::Ods : SpreadsheetReader::Format::Xlsx,
                                      options);
        }
        break;
    case Content::OldOffice:
        return fileProblem(QStringLiteral("roster.format_old_office"),
                           tr("%1 is an older Office file (Excel 97-2003 .xls, WPS .et or Word .doc), which "
                              "ClassDesk cannot read. Open it in Excel or WPS, save it as \"Excel Workbook "
                              "(*.xlsx)\" or \"CSV UTF-8\", and import the saved file.")
                               .arg(fileName));
    case Content::Pdf:
    case Content::Image:
    case Content::Archive:
        return fileProblem(QStringLiteral("roster.format_not_table"),
                           tr("%1 is not a table of students: it is a PDF document, a picture or a compressed "
                              "archive. Export the roster from the school system, Excel or WPS as .xlsx or CSV "
                              "and import that file.")
                               .arg(fileName));
    case Content::Text:
        break;
    }
    if (format)
        return previewSpreadsheet(bytes, *format, options);
    return previewText(bytes, options);
}

RosterPreview RosterImporter::previewText(const QByteArray &bytes, const RosterImportOptions &options)
{
    if (bytes.size() > s_maxTextFileSize) {
        return fileProblem(QStringLiteral("roster.file_too_large"),
                           tr("The file is larger than %1 MB, which is far more than a roster "
                              "needs. Check that this is the right file.")
                               .arg(s_maxTextFileSize / (1024 * 1024)));
    }

    RosterPreview preview;
    const TextEncoding encoding = options.encoding.value_or(TextCodec::detect(bytes));
    const DecodedText decoded = TextCodec::decode(bytes, encoding);
    preview.encoding = encoding;
    preview.encodingDetected = !options.encoding.has_value();

    // Rows are still read so the dialog can show what the text looks like,
    // but the file-wide problem keeps all of them from being imported.
    if (!decoded.isValid()) {
        qCWarning(lcCoreRoster) << "Roster text is not valid" << TextCodec::name(encoding)
                                << decoded.invalidCount << "invalid sequences";
        preview.encodingCandidates = TextCodec::candidates(bytes);
        preview.problems.append(RosterProblem::make(
            RosterProblemKind::Encoding, 0, {},
            tr("The file does not read cleanly as %1: %n character(s) could not be decoded, "
               "the first on line %2. Choose the encoding in which the text looks right.",
               nullptr, static_cast<int>(decoded.invalidCount))
                .arg(TextCodec::displayName(encoding))
                .arg(decoded.firstInvalidLine)));
    }

    const QChar delimiter = options.delimiter.value_or(CsvReader::sniffDelimiter(decoded.text));
    const Result<QList<QStringList>> textRows = CsvReader::parse(decoded.text, delimiter);
    if (!textRows) {
        preview.problems.append({RosterProblemKind::Unreadable, 0, {}, textRows.error().message,
                                 textRows.error().code});
        return preview;
    }

    RosterPreviewBuilder::build(SheetTable::fromText(*textRows), preview, options.studentNumberLookup,
                                options.requireRowClasses);
    return preview;
}

RosterPreview RosterImporter::previewSpreadsheet(const QByteArray &bytes,
                                                 SpreadsheetReader::Format format,
                                                 const RosterImportOptions &options)
{
    auto reader = SpreadsheetReader::open(bytes, format);
    if (!reader) {
        qCWarning(lcCoreRoster) << "Cannot read spreadsheet:" << reader.error().code;
        return unreadable(reader.error());
    }

    const QStringList sheetNames = (*reader)->sheetNames();
    const Result<SheetTable> table = options.sheetName ? (*reader)->readSheet(*options.sheetName)
                                                       : (*reader)->readSheet(0);
    if (!table) {
        RosterPreview failed = unreadable(table.error());
        failed.sheetNames = sheetNames;
        return failed;
    }

    RosterPreview preview;
    RosterPreviewBuilder::build(*table, preview, options.studentNumberLookup, options.requireRowClasses);
    preview.sheetNames = sheetNames;
    if (preview.sheetName.isEmpty())
        preview.sheetName = options.sheetName.value_or(sheetNames.value(0));
    return preview;
}

} // namespace ClassDesk
