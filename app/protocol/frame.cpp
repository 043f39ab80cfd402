#include "app/protocol/frame.h"

#include <algorithm>

namespace Frameline {

bool Frame::hasFatalViolation() const
{
    return std::any_of(violations.cbegin(), violations.cend(), [](const Violation &v) { return v.fatal; });
}

} // namespace Frameline
