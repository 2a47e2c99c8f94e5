import ChatCore
import Foundation
import TerminalUI
import WaymarkStore

/// What the chat needs for the safety plan, grounding exercises and history: the reviewed
/// texts, the private store (which creates no file until something is saved) and its settings.
struct ChatSupport: Sendable {
    var store: WaymarkStore?
    var planGuide: SafetyPlanGuide?
    var breathingGuide: BreathingGuide?
    var groundingGuide: GroundingGuide?
    var savedPlan: SafetyPlan?
    var settings = StoreSettings.defaults
    /// Whether history is encrypted (locked until the passphrase is given).
    var historyEncrypted = false
    /// Problems opening the store (shown as notes; the chat still runs).
    var notices: [String] = []

    /// Load everything that can be loaded; never throws.
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChatSupport {
        var support = ChatSupport()
        if let locator = ResourceLocator.locate(environment: environment) {
            support.planGuide = try? SafetyPlanGuide.load(from: locator)
            support.breathingGuide = try? BreathingGuide.load(from: locator)
            support.groundingGuide = try? GroundingGuide.load(from: locator)
        }
        do {
            let store = try WaymarkStore.open(
                directory: WaymarkStore.defaultDirectory(environment: environment))
            support.store = store
            support.settings = try store.settings()
            support.savedPlan = try store.loadSafetyPlan()
            support.historyEncrypted = try store.isHistoryEncrypted()
        } catch {
            support.notices.append("Your saved plan and settings couldn't be read: \(error)")
        }
        return support
    }

    /// Whether a plan with something in it is saved (then a crisis message offers it).
    var hasPlan: Bool { !(savedPlan?.isEmpty ?? true) }

    /// Reduced motion from the flag, `WAYMARK_REDUCED_MOTION=1` or the store's setting.
    func reducedMotion(flag: Bool, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Bool
    {
        flag || ["1", "true", "yes"].contains(environment["WAYMARK_REDUCED_MOTION"]?.lowercased() ?? "")
            || settings.reducedMotion
    }

    /// The screen's tools, ready for ``AppState``.
    func tools(suggestions: [String], reducedMotion: Bool) -> SupportTools {
        var tools = SupportTools()
        tools.planGuide = planGuide
        tools.savedPlan = savedPlan
        tools.planSuggestions = suggestions
        tools.breathingGuide = breathingGuide
        tools.groundingGuide = groundingGuide
        tools.reducedMotion = reducedMotion
        tools.historyEnabled = settings.historyEnabled
        tools.historyLocked = historyEncrypted
        return tools
    }
}
