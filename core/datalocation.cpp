// SPDX-License-Identifier: GPL-3.0-or-later
#include "datalocation.h"

#include <QDir>
#include <QStandardPaths>

namespace ClassDesk {

QString defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString databaseFilePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("classdesk.sqlite3"));
}

} // namespace ClassDesk
