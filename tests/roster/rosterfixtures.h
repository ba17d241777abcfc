// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// The committed fixtures in tests/roster/fixtures, which
// fixtures/generate_fixtures.py writes.
namespace RosterFixtures {

inline QString path(const char *name)
{
    return QStringLiteral(ROSTER_FIXTURES "/") + QLatin1StringView(name);
}

// The file's bytes, or empty when it cannot be read.
inline QByteArray readAll(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace RosterFixtures
