// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveraddress.h"


namespace ClassDesk {

namespace {

const QString ApiPath = QStringLiteral("/api/v1/");

} // namespace

bool ServerAddress::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    // QUrl::host() returns IPv6 addresses without brackets.
    if (host == QLatin1String("::1"))
        return true;
    const QStringList octets = host.split(QLatin1Char('.'));
    if (octets.size() != 4 || octets.first() != QLatin1String("127"))
        return false;
    for (const QString &octet : octets) {
        bool isNumber = false;
        const int value = octet.toInt(&isNumber);
        if (!isNumber || value < 0 || value > 255)
            return false;
    }
    return true;
}

Result<QUrl> ServerAddress::apiBaseUrl(const QString &userInput)
{
    const QString trimmed = userInput.trimmed();
    if (trimmed.isEmpty())
        return makeError(QStringLiteral("address.empty"),
                         tr("Enter your school platform's address, for example platform.school.edu.cn."));

    // A bare host name gets https://, the only scheme a real platform may use,
    // also for a loopback host. When the server there speaks plain HTTP, the
    // sign-in fails with address.not_https, whose message shows the http:// form.
    const bool hasScheme = trimmed.contains(QLatin1String("://"));
    QUrl url = QUrl::fromUserInput(hasScheme ? trimmed : QLatin1String("https://") + trimmed);
    if (!url.isValid() || url.host().isEmpty()) {
        return makeError(QStringLiteral("address.invalid"),
                         tr("\"%1\" is not a valid address. Check it for typing mistakes.").arg(trimmed));
    }

    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        return makeError(QStringLiteral("address.unsupported_scheme"),
                         tr("The address must start with https://."));
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        return makeError(QStringLiteral("address.insecure"),
                         tr("The address %1 is not encrypted (http://). Use the platform's https:// address.")
                             .arg(url.toDisplayString()));
    }

    // Keep a path prefix the school's proxy may need, then add the API version once.
    QString path = url.path();
    if (path.endsWith(ApiPath.chopped(1)) || path.endsWith(ApiPath))
        path = path.left(path.lastIndexOf(QLatin1String("/api/v1")));
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + ApiPath);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace ClassDesk
