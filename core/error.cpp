// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

#include <QCoreApplication>

namespace ClassDesk {

QString Error::toLogString() const
{
    if (httpStatus != 0)
        return QStringLiteral("%1 (HTTP %2): %3").arg(code).arg(httpStatus).arg(message);
    if (sqliteCode != 0)
        return QStringLiteral("%1 (SQLite %2): %3").arg(code).arg(sqliteCode).arg(message);
    return QStringLiteral("%1: %2").arg(code, message);
}

QString Error::displayText() const
{
    if (code.isEmpty())
        return message;
    return QCoreApplication::translate("ClassDesk::Error", "%1 (error code: %2)").arg(message, code);
}

} // namespace ClassDesk
