import Configuration
import Foundation

/// One source of settings, for looking keys up one source at a time.
enum SettingLayer: Sendable {
    case flags(ConfigFlags)
    case environment(EnvironmentVariablesProvider)
    case file(SettingsResolver.LoadedFile, profile: String?)

    /// The raw words for `spec` in this source (one word for scalars; `[]` for an empty
    /// value), or a reason it could not be read; `nil` when the source does not set it.
    func raw(for spec: SettingSpec) -> (value: Result<[String], SettingProblem>, source: String)? {
        switch self {
        case .flags(let flags):
            guard let entry = flags.entries[spec.key] else { return nil }
            return (words(from: entry.value, for: spec), "flag \(entry.flag)")
        case .environment(let provider):
            let key = AbsoluteConfigKey(["waymark"] + spec.key.split(separator: ".").map(String.init))
            guard let result = try? provider.value(forKey: key, type: .string),
                let value = result.value, case .string(let text) = value.content
            else { return nil }
            return (words(from: text, for: spec), "env \(spec.environmentName)")
        case .file(let file, let profile):
            guard let snapshot = file.snapshot else { return nil }
            let fullKey = fileKey(spec.key, profile: profile)
            let key = AbsoluteConfigKey(fullKey.split(separator: ".").map(String.init))
            var source = "file \(file.path)"
            if let line = file.locator.lines[fullKey] { source += ":\(line)" }
            if let profile { source += " (profile \(profile))" }
            if case .argv = spec.kind,
                let result = try? snapshot.value(forKey: key, type: .stringArray),
                let value = result.value, case .stringArray(let list) = value.content
            {
                return (.success(list), source)
            }
            do {
                guard let value = try snapshot.value(forKey: key, type: .string).value,
                    case .string(let text) = value.content
                else { return nil }
                return (words(from: text, for: spec), source)
            } catch {
                return (
                    .failure("expected a single value, not a list or a mapping; this value is ignored"),
                    source
                )
            }
        }
    }

    /// The folder relative paths in this source are relative to (`nil`: the current folder).
    var baseDirectory: String? {
        if case .file(let file, _) = self {
            return (file.path as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// An issue about `spec`'s value in this source.
    func issue(for spec: SettingSpec, message: String) -> ConfigIssue {
        switch self {
        case .flags(let flags):
            return ConfigIssue(
                key: spec.key, source: "flag \(flags.entries[spec.key]?.flag ?? spec.key)", message: message)
        case .environment:
            return ConfigIssue(key: spec.key, source: "env \(spec.environmentName)", message: message)
        case .file(let file, let profile):
            let fullKey = fileKey(spec.key, profile: profile)
            return ConfigIssue(
                file: file.path, line: file.locator.line(of: fullKey), key: fullKey, message: message)
        }
    }

    private func fileKey(_ key: String, profile: String?) -> String {
        profile.map { "profiles.\($0).\(key)" } ?? key
    }

    private func words(from text: String, for spec: SettingSpec) -> Result<[String], SettingProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "~" || trimmed == "null" { return .success([]) }
        guard case .argv = spec.kind else { return .success([trimmed]) }
        guard let words = ShellWords.split(trimmed) else {
            return .failure("the command has an unclosed quote; this value is ignored")
        }
        return .success(words)
    }
}
