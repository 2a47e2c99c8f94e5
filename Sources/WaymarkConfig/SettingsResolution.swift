/// The outcome of resolving the configuration: always usable settings, and the problems
/// found on the way (to show the person once, not to stop the app).
public struct SettingsResolution: Sendable, Equatable {
    public var settings: WaymarkSettings
    public var issues: [ConfigIssue]

    public init(settings: WaymarkSettings, issues: [ConfigIssue]) {
        self.settings = settings
        self.issues = issues
    }
}
