// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "uploadqueue.h"

#include <QAbstractTableModel>
#include <QList>

namespace ClassDesk {

class Database;

// The courseware upload queue as a table: title, state in words, progress,
// speed and time left, one row per item.
//
// Rows come from two places. loadFromDatabase() reads the queue as the sync
// engine saved it, so the teacher sees it while ClassDesk is offline or
// signed out. While the engine runs, SyncController's upload signals replace
// and update the rows (resetItems(), updateItem(), removeItem()).
class UploadQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, StateColumn, ProgressColumn, SpeedColumn, TimeLeftColumn, ColumnCount };
    enum Role {
        CoursewareIdRole = Qt::UserRole + 1,
        ItemStateRole,      // UploadQueue::ItemState as int
        ProgressPermilleRole, // 0-1000, bytes sent of the item's size
    };

    explicit UploadQueueModel(QObject *parent = nullptr);

    // Reads the saved queue, plus courseware that a published lesson marked
    // for upload and the engine has not picked up yet.
    [[nodiscard]] Status loadFromDatabase(Database &database);

    void resetItems(const QList<UploadQueue::Item> &items);
    // Updates the item's row, or adds a row for a new item.
    void updateItem(const UploadQueue::Item &item);
    void removeItem(const QString &coursewareId);

    [[nodiscard]] int rowOf(const QString &coursewareId) const;
    [[nodiscard]] const UploadQueue::Item &itemAt(int row) const { return m_items.at(row); }
    [[nodiscard]] const QList<UploadQueue::Item> &items() const { return m_items; }

    // Describes what the item is doing in words. A failure includes its reason and what to do.
    [[nodiscard]] static QString stateText(const UploadQueue::Item &item);
    // "1.5 MB/s", or an empty string when nothing moves.
    [[nodiscard]] static QString speedText(double bytesPerSecond);
    // "About 3 minutes left", or an empty string while unknown.
    [[nodiscard]] static QString timeLeftText(qint64 seconds);
    [[nodiscard]] static int progressPermille(const UploadQueue::Item &item);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant displayText(const UploadQueue::Item &item, int column) const;

    QList<UploadQueue::Item> m_items;
};

} // namespace ClassDesk
