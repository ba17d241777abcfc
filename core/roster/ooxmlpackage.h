// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace ClassDesk::OoxmlPackage {

// Rewrites an XLSX package into the subset of valid Office Open XML that
// liborcus 0.17 reads. openpyxl, which many school systems export with, writes
// two things that orcus silently reads as an empty sheet:
//  - absolute relationship targets ("/xl/worksheets/sheet1.xml") where orcus
//    resolves only relative ones ("worksheets/sheet1.xml");
//  - inline string cells (t="inlineStr"), which orcus skips; they are moved
//    into the shared string table (t="s"), adding the table when missing.
// The parts are read and written with QXmlStreamReader/Writer and minizip;
// the cells themselves are still read by orcus.
//
// Returns the package unchanged when it needs none of this or cannot be read
// as a zip archive; the spreadsheet reader then reports any problem.
[[nodiscard]] QByteArray normalizedForOrcus(const QByteArray &package);

} // namespace ClassDesk::OoxmlPackage
