#include "app/net/selfsignedcertificate.h"

#include "app/protocol/securerandom.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Frameline {

namespace {

template<typename T, void (*Free)(T *)>
struct OpenSslDeleter
{
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;

const char CertificateName[] = "localhost-cert.pem";
const char KeyName[] = "localhost-key.pem";

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool writeAtomically(const QString &path, const QByteArray &contents, QFileDevice::Permissions permissions,
                     QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()) {
        *error = SelfSignedCertificate::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(permissions);
    if (!file.commit()) {
        *error = SelfSignedCertificate::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString SelfSignedCertificate::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/tls");
}

SelfSignedCertificate::Files SelfSignedCertificate::loadOrCreate(const QString &folder, KeyType keyType, QString *error)
{
    const QDir dir(folder);
    Files files;
    files.certificateFile = dir.filePath(QLatin1String(CertificateName));
    files.keyFile = dir.filePath(QLatin1String(KeyName));
    QFile certificateFile(files.certificateFile);
    QFile keyFile(files.keyFile);
    if (certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly)) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        const bool keyOk = !QSslKey(keyPem, QSsl::Ec).isNull() || !QSslKey(keyPem, QSsl::Rsa).isNull();
        if (!certificates.isEmpty() && keyOk
            && certificates.constFirst().expiryDate() > QDateTime::currentDateTimeUtc().addDays(1))
            return files;
    }
    return create(folder, keyType, error);
}

SelfSignedCertificate::Files SelfSignedCertificate::create(const QString &folder, KeyType keyType, QString *error)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    if (!QDir().mkpath(folder)) {
        message = tr("Cannot create the folder %1").arg(folder);
        return {};
    }

    KeyPtr key(keyType == KeyType::Rsa2048 ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256"));
    X509Ptr certificate(X509_new());
    if (!key || !certificate) {
        message = tr("OpenSSL could not generate a key");
        return {};
    }
    X509_set_version(certificate.get(), 2); // X.509 v3, for the extensions
    // RFC 5280 §4.1.2.2: a positive serial number, unique per issuer, at most 20 bytes: 16 random ones.
    unsigned char serial[16];
    SecureRandom::fill(serial, sizeof(serial));
    serial[0] &= 0x7F;
    BIGNUM *serialNumber = BN_bin2bn(serial, sizeof(serial), nullptr);
    BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get()));
    BN_free(serialNumber);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 365L * 24 * 60 * 60);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Frameline"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("localhost"), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    // Modern clients ignore the CN and match the subject alternative names.
    if (!addExtension(certificate.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1")
        || !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        || X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0) {
        message = tr("OpenSSL could not build the certificate");
        return {};
    }

    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_X509(certificateBio.get(), certificate.get())
        || !PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
        message = tr("OpenSSL could not write the certificate");
        return {};
    }
    Files files;
    const QDir dir(folder);
    files.certificateFile = dir.filePath(QLatin1String(CertificateName));
    files.keyFile = dir.filePath(QLatin1String(KeyName));
    files.created = true;
    if (!writeAtomically(files.keyFile, bioContents(keyBio.get()), QFileDevice::ReadOwner | QFileDevice::WriteOwner, &message)
        || !writeAtomically(files.certificateFile, bioContents(certificateBio.get()),
                            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther,
                            &message))
        return {};
    return files;
}

} // namespace Frameline
