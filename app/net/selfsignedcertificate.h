#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace Frameline {

// A self-signed certificate for the local wss server, made with OpenSSL: subject CN=localhost, SAN
// DNS:localhost, IP:127.0.0.1, IP:::1, valid for a year. Stored as PEM files in a folder (by default the
// user's app-data folder) and reused while it is valid.
class SelfSignedCertificate
{
    Q_DECLARE_TR_FUNCTIONS(SelfSignedCertificate)
public:
    enum class KeyType : quint8 { Rsa2048, EcP256 };

    struct Files
    {
        QString certificateFile;
        QString keyFile;
        bool created = false; // false: an existing valid pair was reused
    };

    // The default folder: <AppDataLocation>/tls.
    static QString defaultFolder();
    // Returns the certificate and key in `folder`, creating them when missing, unreadable or expiring
    // within a day. Empty paths and *error on failure.
    static Files loadOrCreate(const QString &folder, KeyType keyType = KeyType::EcP256, QString *error = nullptr);
    // Creates a new pair in `folder` whatever is there.
    static Files create(const QString &folder, KeyType keyType, QString *error = nullptr);
};

} // namespace Frameline
