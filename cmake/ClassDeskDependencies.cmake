# SPDX-License-Identifier: GPL-3.0-or-later
#
# Finds every system dependency once, so a missing one stops configuration with
# the Debian/Ubuntu package that provides it instead of a link error much later.

include(FindPackageHandleStandardArgs)
find_package(PkgConfig)

# Fails configuration with the package to install when a dependency is missing.
function(classdesk_require found what debian_package)
    if(NOT ${found})
        message(FATAL_ERROR
            "ClassDesk needs ${what}, which was not found.\n"
            "On Debian or Ubuntu install it with: apt-get install ${debian_package}\n"
            "(scripts/setup-debian.sh installs everything the build needs).")
    endif()
endfunction()

# Qt: Core for the domain and database layers, Widgets for the teacher's UI,
# Network for connectivity changes, Multimedia and Pdf for courseware preview,
# Charts for attendance statistics,
# Svg for high-DPI icons, Test for the suites, LinguistTools for translations.
find_package(Qt6 6.4 QUIET COMPONENTS Core)
classdesk_require(Qt6_FOUND "Qt 6.4 or later (Qt6Core)" "qt6-base-dev")

set(_classdesk_qt_components
    "Gui|qt6-base-dev"
    "Network|qt6-base-dev"
    "Widgets|qt6-base-dev"
    "Network|qt6-base-dev"
    "Multimedia|qt6-multimedia-dev"
    "MultimediaWidgets|qt6-multimedia-dev"
    "Pdf|qt6-pdf-dev"
    "PdfWidgets|qt6-pdf-dev"
    "Charts|qt6-charts-dev libqt6opengl6-dev"
    "Svg|qt6-svg-dev"
    "SvgWidgets|qt6-svg-dev"
    "Test|qt6-base-dev"
    "LinguistTools|qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools")
foreach(entry IN LISTS _classdesk_qt_components)
    string(REPLACE "|" ";" parts "${entry}")
    list(GET parts 0 component)
    list(GET parts 1 package)
    find_package(Qt6 QUIET COMPONENTS ${component})
    classdesk_require(Qt6${component}_FOUND "Qt6${component}" "${package}")
endforeach()

# Tokens live only in the operating system's keychain.
find_package(Qt6Keychain QUIET)
classdesk_require(Qt6Keychain_FOUND "QtKeychain for Qt 6" "qtkeychain-qt6-dev")

# HTTP transport of the sync engine.
find_package(CURL 7.68 QUIET)
classdesk_require(CURL_FOUND "libcurl 7.68 or later" "libcurl4-openssl-dev")

# The local database (client) and the reference server's storage.
find_package(SQLite3 QUIET)
classdesk_require(SQLite3_FOUND "SQLite 3" "libsqlite3-dev")

# The reference server: HTTP, JSON and password hashing.
classdesk_require(PKG_CONFIG_FOUND "pkg-config" "pkgconf")
pkg_check_modules(HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
classdesk_require(HTTPLIB_FOUND "cpp-httplib" "libcpp-httplib-dev")
find_package(nlohmann_json 3.10 QUIET)
classdesk_require(nlohmann_json_FOUND "nlohmann-json 3.10 or later" "nlohmann-json3-dev")
find_package(OpenSSL 3 QUIET COMPONENTS Crypto)
classdesk_require(OpenSSL_FOUND "OpenSSL 3 (libcrypto)" "libssl-dev")

# Roster and attendance export to XLSX.
pkg_check_modules(XLSXWRITER QUIET IMPORTED_TARGET xlsxwriter)
classdesk_require(XLSXWRITER_FOUND "libxlsxwriter" "libxlsxwriter-dev")

# GB18030 rosters where Qt has no ICU converter: iconv is part of the C
# library on Linux and a separate library on macOS; Windows uses its own API.
if(NOT WIN32)
    find_package(Iconv QUIET)
    classdesk_require(Iconv_FOUND "iconv" "libc6-dev")
endif()

# Zip entries: the thumbnails office suites embed in PPTX, DOCX and ODF files
# for the courseware preview, and rewriting openpyxl's XLSX packages before
# liborcus reads them (core/roster/ooxmlpackage.h).
pkg_check_modules(MINIZIP QUIET IMPORTED_TARGET minizip)
classdesk_require(MINIZIP_FOUND "minizip" "libminizip-dev")

# Roster import from XLSX and ODS. The orcus headers include Boost headers.
option(CLASSDESK_SPREADSHEET_IMPORT "Read XLSX and ODS rosters with liborcus" ON)
if(CLASSDESK_SPREADSHEET_IMPORT)
    pkg_check_modules(ORCUS QUIET liborcus-0.17 liborcus-spreadsheet-model-0.17 libixion-0.17)
    classdesk_require(ORCUS_FOUND
        "liborcus 0.17 and libixion 0.17 for XLSX and ODS import (or configure with -DCLASSDESK_SPREADSHEET_IMPORT=OFF)"
        "liborcus-dev libixion-dev libboost-dev")
    find_package(Boost 1.74 QUIET)
    classdesk_require(Boost_FOUND "the Boost headers that the liborcus headers include" "libboost-dev")

    # Debian's liborcus-spreadsheet-model-0.17.pc names an include folder the
    # package does not ship, and CMake rejects an imported target with a
    # missing folder, so the target is built here from the folders that exist.
    set(_classdesk_orcus_includes "")
    foreach(folder IN LISTS ORCUS_INCLUDE_DIRS)
        if(EXISTS "${folder}")
            list(APPEND _classdesk_orcus_includes "${folder}")
        endif()
    endforeach()
    add_library(ClassDesk::Orcus INTERFACE IMPORTED)
    set_target_properties(ClassDesk::Orcus PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES "${_classdesk_orcus_includes}"
        INTERFACE_LINK_LIBRARIES "${ORCUS_LINK_LIBRARIES};Boost::headers")
endif()
