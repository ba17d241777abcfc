// SPDX-License-Identifier: GPL-3.0-or-later
//
// A minimal ClassDesk client for crash tests: opens a database, signs in,
// runs one sync and exits 0 when it succeeded. The parent test kills it at
// random moments. The password comes from CLASSDESK_TEST_PASSWORD so it does
// not show in the process list.
//
// usage: syncclient DATABASE SERVER_ADDRESS ACCOUNT [BATCH_SIZE]

#include "syncengine.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace ClassDesk;
using namespace std::chrono_literals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 4) {
        std::fputs("usage: syncclient DATABASE SERVER_ADDRESS ACCOUNT [BATCH_SIZE]\n", stderr);
        return 2;
    }

    SyncSettings settings;
    settings.periodicInterval = 0ms;
    settings.outboxPollInterval = 0ms;
    settings.requestTimeout = 10s;
    if (arguments.size() > 4)
        settings.pushBatchSize = arguments.at(4).toInt();

    SyncEngine engine(arguments.at(1), settings);
    QObject::connect(&engine, &SyncEngine::syncFinished, &app, [&app](bool ok) { app.exit(ok ? 0 : 1); });
    QObject::connect(&engine, &SyncEngine::signInFailed, &app, [&app] { app.exit(3); });
    engine.start();
    engine.signIn(arguments.at(2), arguments.at(3), qEnvironmentVariable("CLASSDESK_TEST_PASSWORD"));

    // A hung client would stall the parent test; ten seconds is far more than one sync needs here.
    QTimer::singleShot(10s, &app, [&app] { app.exit(4); });
    const int code = app.exec();
    engine.stop();
    return code;
}
