// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporttable.h"

#include "cellconversion.h"

namespace ClassDesk {

QString ExportCell::toText() const
{
    switch (type) {
    case Type::Empty:
        return {};
    case Type::Text:
        return text;
    case Type::Number:
        return CellConversion::formatNumber(number);
    case Type::Percent:
        return QString::number(number * 100, 'f', 1) + u'%';
    case Type::Date:
        return date.toString(Qt::ISODate);
    }
    return {};
}

} // namespace ClassDesk
