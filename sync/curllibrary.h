// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <curl/curl.h>

namespace ClassDesk {

// The libcurl functions HttpTransport calls, resolved at run time.
//
// The app does not link libcurl. Loading it and the 17 libraries it needs
// (TLS, SSH, LDAP, Kerberos and more, on Debian 12) at process start delayed
// the first paint by 1 to 5 ms with a warm page cache. The first transport
// loads it instead, after the window is shown. classdesk-cli links it, so
// packaging tools still see the dependency.
struct CurlFunctions
{
    decltype(&::curl_global_init) globalInit = nullptr;
    decltype(&::curl_easy_init) easyInit = nullptr;
    decltype(&::curl_easy_cleanup) easyCleanup = nullptr;
    decltype(&::curl_easy_setopt) easySetopt = nullptr;
    decltype(&::curl_easy_getinfo) easyGetinfo = nullptr;
    decltype(&::curl_easy_strerror) easyStrerror = nullptr;
    decltype(&::curl_slist_append) slistAppend = nullptr;
    decltype(&::curl_slist_free_all) slistFreeAll = nullptr;
    decltype(&::curl_multi_init) multiInit = nullptr;
    decltype(&::curl_multi_cleanup) multiCleanup = nullptr;
    decltype(&::curl_multi_setopt) multiSetopt = nullptr;
    decltype(&::curl_multi_add_handle) multiAddHandle = nullptr;
    decltype(&::curl_multi_remove_handle) multiRemoveHandle = nullptr;
    decltype(&::curl_multi_socket_action) multiSocketAction = nullptr;
    decltype(&::curl_multi_info_read) multiInfoRead = nullptr;
};

class CurlLibrary
{
public:
    // Returns libcurl's functions, loading the library and calling
    // curl_global_init() on the first call. Later calls return the same
    // result, a failure too: the error names the files that were tried.
    //
    // The environment variable CLASSDESK_CURL_LIBRARY may name the library
    // file to load instead of the system's libcurl.
    [[nodiscard]] static Result<const CurlFunctions *> functions();

    // Loads the first of `fileNames` that has every function, each name as
    // QLibrary takes it. Returns the error network.library_missing when none does.
    [[nodiscard]] static Result<CurlFunctions> load(const QStringList &fileNames);

    // Returns the names functions() tries for this platform.
    [[nodiscard]] static QStringList defaultFileNames();
};

} // namespace ClassDesk
