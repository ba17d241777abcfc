// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioutput.h"

#include <QJsonDocument>

#include <cstdio>

namespace ClassDesk::Cli {

// Always UTF-8, whatever the console's code page: scripts read it as such.
void printLine(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
}

void printError(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
}

void printJson(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

QJsonObject errorJson(const Error &error)
{
    return QJsonObject{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}};
}

int reportFailure(const Error &error, bool json, int status)
{
    if (json)
        printJson(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), errorJson(error)}});
    else
        printError(error.displayText());
    return status;
}

} // namespace ClassDesk::Cli
