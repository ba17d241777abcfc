// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ClassDesk {

class SyncController;

// Signs the teacher in to the school's platform: address, account and
// password, then a one-time code when the platform asks for one. Closes
// itself once the platform accepted the sign-in.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(SyncController &controller, QWidget *parent = nullptr);

    void setServerAddress(const QString &address);
    void setAccount(const QString &account);

    [[nodiscard]] QString errorText() const;
    [[nodiscard]] bool isAskingForCode() const;

public slots:
    void submit();

private:
    void showError(const QString &message);
    // Widens the address field to show the whole address, within the screen.
    void fitAddressField();
    // Grows the dialog to the height its layout needs at the current width.
    void growToFitContents();
    void handleStateChange();

    SyncController &m_controller;
    QLineEdit *m_serverEdit = nullptr;
    QLineEdit *m_accountEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLineEdit *m_codeEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_signInButton = nullptr;
    bool m_waitingForResult = false;
};

} // namespace ClassDesk
