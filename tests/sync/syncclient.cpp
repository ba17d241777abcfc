// SPDX-License-Identifier: GPL-3.0-or-later
//
// A minimal ClassDesk client for crash tests: opens a database, signs in,
// runs one sync and exits 0 when it succeeded. The parent test kills it at
// random moments. The password comes from CLASSDESK_TEST_PASSWORD so it does
// not show in the process list.
//
// usage: syncclient DATABASE SERVER_ADDRESS ACCOUNT [BATCH_SIZE]
//
// With CLASSDESK_TEST_MODE=restore it does not sign in: it restores the saved
// session as the app does at start, prints "state NAME" and "error CODE" lines
// and exits once the engine settles.

#include "syncengine.h"

#include <QCoreApplication>
#include <QMetaEnum>
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
    if (qEnvironmentVariable("CLASSDESK_TEST_MODE") == QLatin1String("restore")) {
        QObject::connect(&engine, &SyncEngine::errorChanged, &app, [](const QString &, const QString &code) {
            std::printf("error %s\n", qPrintable(code));
            std::fflush(stdout);
        });
        QObject::connect(&engine, &SyncEngine::stateChanged, &app, [&app](SyncEngine::State state) {
            std::printf("state %s\n", QMetaEnum::fromType<SyncEngine::State>().valueToKey(int(state)));
            std::fflush(stdout);
            if (state != SyncEngine::State::Syncing && state != SyncEngine::State::SigningIn)
                app.exit(0);
        });
        engine.start();
    } else {
        QObject::connect(&engine, &SyncEngine::syncFinished, &app, [&app](bool ok) { app.exit(ok ? 0 : 1); });
        QObject::connect(&engine, &SyncEngine::signInFailed, &app, [&app] { app.exit(3); });
        engine.start();
        engine.signIn(arguments.at(2), arguments.at(3), qEnvironmentVariable("CLASSDESK_TEST_PASSWORD"));
    }

    // A hung client would stall the parent test; ten seconds is far more than one sync needs here.
    QTimer::singleShot(10s, &app, [&app] { app.exit(4); });
    const int code = app.exec();
    engine.stop();
    return code;
}
