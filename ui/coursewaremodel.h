// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "coursewarestore.h"
#include "coursewaretype.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>

#include <optional>

namespace ClassDesk {

class Workspace;

// The courseware of the workspace's school, one row per item, read from the
// UI thread's CoursewareStore. The display text is the title over a line of
// size, duration or pages, and tags.
class CoursewareModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        TypeRole,     // int of CoursewareType
        TagsRole,     // QStringList
        DetailRole,   // the second display line
    };

    explicit CoursewareModel(Workspace &workspace, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    [[nodiscard]] const Courseware &coursewareAt(int row) const { return m_rows.at(row); }
    // The row of courseware `id`, or -1.
    [[nodiscard]] int rowOf(const QString &id) const;
    [[nodiscard]] std::optional<Courseware> coursewareById(const QString &id) const;

    // Saves title, tags, duration, page count and chapter marks and updates the row.
    [[nodiscard]] Status update(const Courseware &courseware);
    [[nodiscard]] Status remove(const QString &id);

    // "1.5 MB", "3:07" or "1:02:03", with a placeholder for an unknown duration.
    [[nodiscard]] static QString formatSize(qint64 bytes);
    [[nodiscard]] static QString formatDuration(std::optional<qint64> durationMs);
    [[nodiscard]] static QString typeLabel(CoursewareType type);

public slots:
    void reload();

signals:
    void errorOccurred(const QString &message);

private:
    [[nodiscard]] QString detailText(const Courseware &courseware) const;

    Workspace &m_workspace;
    QList<Courseware> m_rows;
};

// Filters the library by a search text, matched against titles and tags, and
// by type.
class CoursewareFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CoursewareFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    // std::nullopt shows every type.
    void setTypeFilter(std::optional<CoursewareType> type);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    std::optional<CoursewareType> m_type;
};

} // namespace ClassDesk
