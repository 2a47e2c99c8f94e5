/// Why a raw setting value was rejected, as words fit for a ``ConfigIssue``.
struct SettingProblem: Error, Sendable, Equatable, ExpressibleByStringInterpolation {
    var reason: String

    init(stringLiteral value: String) {
        reason = value
    }

    init(stringInterpolation: DefaultStringInterpolation) {
        reason = String(stringInterpolation: stringInterpolation)
    }
}
