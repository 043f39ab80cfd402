#pragma once

#include <QtCore/QSettings>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <utility>

namespace Frameline {

// A typed, named user setting ("Group/Key") kept in QSettings. Declare one where it is used:
//     static const Setting<QString> s_lastDirectory(QStringLiteral("Decoder/LastDirectory"), {});
// A value type; QSettings is opened per access, so any thread that has an application object may use it.
template<typename T> class Setting
{
public:
    Setting(QString key, T defaultValue)
        : m_key(std::move(key))
        , m_default(std::move(defaultValue))
    { }

    const QString &key() const { return m_key; }
    T value() const
    {
        const QVariant stored = QSettings().value(m_key);
        return stored.isValid() && stored.canConvert<T>() ? stored.value<T>() : m_default;
    }
    void setValue(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }

private:
    QString m_key;
    T m_default;
};

} // namespace Frameline
