// SPDX-License-Identifier: GPL-3.0-or-later
#include "curllibrary.h"

#include "synclogging.h"

#include <QCoreApplication>
#include <QLibrary>

#include <mutex>

namespace ClassDesk {

namespace {

class CurlText
{
    Q_DECLARE_TR_FUNCTIONS(CurlLibrary)
};

// Resolves one function into `target`. Returns false when the library lacks it.
template<typename Function>
bool resolve(QLibrary &library, const char *name, Function &target)
{
    target = reinterpret_cast<Function>(library.resolve(name));
    return target != nullptr;
}

bool resolveAll(QLibrary &library, CurlFunctions &functions)
{
    return resolve(library, "curl_global_init", functions.globalInit)
           && resolve(library, "curl_easy_init", functions.easyInit)
           && resolve(library, "curl_easy_cleanup", functions.easyCleanup)
           && resolve(library, "curl_easy_setopt", functions.easySetopt)
           && resolve(library, "curl_easy_getinfo", functions.easyGetinfo)
           && resolve(library, "curl_easy_strerror", functions.easyStrerror)
           && resolve(library, "curl_slist_append", functions.slistAppend)
           && resolve(library, "curl_slist_free_all", functions.slistFreeAll)
           && resolve(library, "curl_multi_init", functions.multiInit)
           && resolve(library, "curl_multi_cleanup", functions.multiCleanup)
           && resolve(library, "curl_multi_setopt", functions.multiSetopt)
           && resolve(library, "curl_multi_add_handle", functions.multiAddHandle)
           && resolve(library, "curl_multi_remove_handle", functions.multiRemoveHandle)
           && resolve(library, "curl_multi_socket_action", functions.multiSocketAction)
           && resolve(library, "curl_multi_info_read", functions.multiInfoRead);
}

} // namespace

QStringList CurlLibrary::defaultFileNames()
{
    const QString chosen = qEnvironmentVariable("CLASSDESK_CURL_LIBRARY");
    if (!chosen.isEmpty())
        return {chosen};

#if defined(Q_OS_WIN)
    // vcpkg names it libcurl.dll, MSYS2 libcurl-4.dll and curl's own Windows
    // build libcurl-x64.dll.
    return {QStringLiteral("libcurl"), QStringLiteral("libcurl-4"), QStringLiteral("libcurl-x64")};
#elif defined(Q_OS_MACOS)
    return {QStringLiteral("libcurl.4.dylib"), QStringLiteral("libcurl.dylib")};
#else
    // libcurl.so.4 is the run-time name of current libcurl releases. The
    // unversioned name exists only where the development files are installed.
    return {QStringLiteral("libcurl.so.4"), QStringLiteral("libcurl.so")};
#endif
}

Result<CurlFunctions> CurlLibrary::load(const QStringList &fileNames)
{
    for (const QString &fileName : fileNames) {
        // The library stays loaded, because curl_global_cleanup() is never
        // called and handles may live until the process ends.
        QLibrary library(fileName);
        library.setLoadHints(QLibrary::PreventUnloadHint);
        if (!library.load()) {
            qCInfo(lcSyncHttp) << "Cannot load" << fileName << ":" << library.errorString();
            continue;
        }
        CurlFunctions functions;
        if (!resolveAll(library, functions)) {
            qCWarning(lcSyncHttp) << fileName << "lacks a libcurl function ClassDesk needs";
            continue;
        }
        qCInfo(lcSyncHttp) << "Loaded libcurl from" << library.fileName();
        return functions;
    }

    qCCritical(lcSyncHttp) << "No usable libcurl among" << fileNames;
    return makeError(QStringLiteral("network.library_missing"),
                     CurlText::tr("ClassDesk cannot connect to the platform because its network library "
                                  "(libcurl, tried: %1) is missing or too old. Your work is kept on this "
                                  "computer. Reinstall ClassDesk or ask your school's IT staff to install "
                                  "libcurl.")
                         .arg(fileNames.join(QStringLiteral(", "))));
}

Result<const CurlFunctions *> CurlLibrary::functions()
{
    static Result<CurlFunctions> s_loaded = makeError(QString(), QString());
    static std::once_flag s_once;
    std::call_once(s_once, [] {
        s_loaded = load(defaultFileNames());
        if (s_loaded)
            s_loaded->globalInit(CURL_GLOBAL_DEFAULT);
    });

    if (!s_loaded)
        return std::unexpected(s_loaded.error());
    return &*s_loaded;
}

} // namespace ClassDesk
