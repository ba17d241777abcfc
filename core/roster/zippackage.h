// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QXmlStreamReader;

namespace ClassDesk {

// The parts of a zip archive (an XLSX or ODS package) in memory, read with
// minizip. Reading checks every part's CRC and the deflate stream, so a
// damaged archive fails here instead of reaching the spreadsheet library.
class ZipPackage
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::ZipPackage)

public:
    struct Part
    {
        QString name;
        QByteArray content;
    };

    // Limits that a roster workbook stays far below; they bound the memory a
    // damaged or hostile archive can make the reader take.
    static constexpr qsizetype s_maxPartSize = 64 * 1024 * 1024;
    static constexpr qsizetype s_maxTotalSize = 128 * 1024 * 1024;
    static constexpr int s_maxPartCount = 4096;

    // Fails with code "roster.spreadsheet_damaged" and a translated reason.
    [[nodiscard]] static Result<ZipPackage> read(const QByteArray &archive);

    // Writes the parts, deflated, in their order.
    [[nodiscard]] QByteArray write() const;

    // The error of a package that cannot be read: code "roster.spreadsheet_damaged"
    // with `reason` as the message, which callers put into a full sentence.
    [[nodiscard]] static std::unexpected<Error> damaged(const QString &reason);
    // The same for a part whose XML the reader rejected.
    [[nodiscard]] static std::unexpected<Error> invalidXml(const QString &part, const QXmlStreamReader &reader);

    [[nodiscard]] const Part *find(const QString &name) const;
    [[nodiscard]] const QList<Part> &parts() const { return m_parts; }
    void append(Part part) { m_parts.append(std::move(part)); }

private:
    QList<Part> m_parts;
};

} // namespace ClassDesk
