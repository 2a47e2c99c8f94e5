import Configuration
import Foundation

/// Resolves ``WaymarkSettings`` from, highest precedence first: command-line flags, the
/// environment (`WAYMARK_…`), a named profile in the configuration file, the file itself
/// (`--config PATH`, `$WAYMARK_CONFIG`, `$XDG_CONFIG_HOME/waymark/config.yaml` or
/// `~/.config/waymark/config.yaml`) and the built-in defaults.
///
/// The YAML is parsed with swift-configuration's `YAMLSnapshot` and the environment read
/// with its `EnvironmentVariablesProvider`; each key is looked up source by source so that
/// its provenance is known exactly. Never throws: problems become ``ConfigIssue``s, a bad
/// value falls through to the next source, and an unparseable file is ignored with the
/// built-in listener as the backend (unless a flag chose one).
public struct SettingsResolver: Sendable {
    public var flags: ConfigFlags
    public var environment: [String: String]

    public init(
        flags: ConfigFlags = ConfigFlags(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.flags = flags
        self.environment = environment
    }

    /// The configuration file to read, and whether it was asked for explicitly (a missing
    /// explicit file is an issue; a missing default one is normal).
    public var configFile: (path: String, explicit: Bool)? {
        if let path = flags.configPath, !path.isEmpty { return (expandingTilde(path), true) }
        if let path = environment["WAYMARK_CONFIG"], !path.isEmpty { return (expandingTilde(path), true) }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return (xdg + "/waymark/config.yaml", false)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return (home + "/.config/waymark/config.yaml", false)
        }
        return nil
    }

    /// Resolves every setting.
    public func resolve() -> SettingsResolution {
        var issues: [ConfigIssue] = []
        let fileLoad = configFile.map { loadFile(path: $0.path, explicit: $0.explicit) }
        if let fileLoad { issues += fileLoad.issues }
        let file = fileLoad?.file
        let environmentProvider = EnvironmentVariablesProvider(environmentVariables: environment)

        // The profile is chosen first: flags, environment, then the file's `profile:`.
        var layers: [SettingLayer] = [.flags(flags), .environment(environmentProvider)]
        if let file { layers.append(.file(file, profile: nil)) }
        let profileSpec =
            SettingSpec.all.first { $0.key == "profile" } ?? SettingSpec(key: "profile", kind: .text)
        let profileResult = resolveKey(profileSpec, layers: layers, issues: &issues)
        var profile = profileResult.map { value -> String in
            if case .text(let name) = value.value { return name }
            return ""
        }
        if let name = profile {
            if let file, file.locator.lines["profiles.\(name)"] != nil {
                layers.insert(.file(file, profile: name), at: 2)
            } else {
                issues.append(
                    ConfigIssue(
                        file: file?.path, line: file?.locator.line(of: "profile"), key: "profile",
                        source: profileResult?.source,
                        message:
                            "there is no profile named \u{201C}\(name)\u{201D} under profiles: in the configuration file; it is ignored"
                    ))
                profile = nil
            }
        }

        var values: [String: SettingValue] = [:]
        var provenance: [String: String] = [:]
        for spec in SettingSpec.all where spec.key != "profile" {
            if let resolved = resolveKey(spec, layers: layers, issues: &issues) {
                values[spec.key] = resolved.value
                provenance[spec.key] = resolved.source
            } else {
                provenance[spec.key] = "default"
            }
        }
        provenance["profile"] = profile == nil ? "default" : (profileResult?.source ?? "default")
        if let file { issues += unknownKeyIssues(in: file) }

        var settings = WaymarkSettings.build(from: values, profile: profile)
        settings.configFile = configFile?.path
        if fileLoad?.broken == true, flags.backend == nil {
            settings.backend = .listening
            provenance["backend"] = "default (the configuration file could not be read)"
        }
        settings.provenance = provenance
        return SettingsResolution(settings: settings, issues: issues)
    }

    // MARK: - Looking a key up, source by source

    private func resolveKey(
        _ spec: SettingSpec, layers: [SettingLayer], issues: inout [ConfigIssue]
    ) -> (value: SettingValue, source: String)? {
        for layer in layers {
            guard let raw = layer.raw(for: spec) else { continue }
            switch raw.value {
            case .failure(let reason):
                issues.append(layer.issue(for: spec, message: reason.reason))
            case .success(let words) where words.isEmpty:
                continue
            case .success(let words):
                switch SettingValue.convert(words, for: spec, relativeTo: layer.baseDirectory) {
                case .success(let value):
                    return (value, raw.source)
                case .failure(let reason):
                    issues.append(layer.issue(for: spec, message: reason.reason + "; this value is ignored"))
                }
            }
        }
        return nil
    }

    // MARK: - The file

    /// A loaded configuration file.
    struct LoadedFile: Sendable {
        var path: String
        var locator: YAMLKeyLocator
        var snapshot: YAMLSnapshot?
    }

    private func loadFile(path: String, explicit: Bool) -> (
        file: LoadedFile?, issues: [ConfigIssue], broken: Bool
    ) {
        guard let data = FileManager.default.contents(atPath: path) else {
            if explicit || FileManager.default.fileExists(atPath: path) {
                let issue = ConfigIssue(
                    file: path, message: "the configuration file cannot be read; built-in defaults are used")
                return (nil, [issue], explicit)
            }
            return (nil, [], false)
        }
        let text = String(decoding: data, as: UTF8.self)
        let locator = YAMLKeyLocator(text: text)
        let hasContent = text.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed != "---"
        }
        guard hasContent else { return (LoadedFile(path: path, locator: locator, snapshot: nil), [], false) }
        let bytes = [UInt8](data)
        do {
            let snapshot = try YAMLSnapshot(
                data: bytes.span.bytes, providerName: path, parsingOptions: .default)
            return (LoadedFile(path: path, locator: locator, snapshot: snapshot), [], false)
        } catch {
            return (nil, [parseIssue(error, path: path, locator: locator)], true)
        }
    }

    private func parseIssue(_ error: any Error, path: String, locator: YAMLKeyLocator) -> ConfigIssue {
        // Yams: "5:1: error: scanner: while scanning … in line 3, column 10\nproblem:\n<snippet>".
        // The snippet quotes the file, so only the first two lines are used.
        let description = String(describing: error)
        let descriptionLines = description.split(whereSeparator: \.isNewline).map(String.init)
        var line: Int?
        if let match = description.firstMatch(of: /in line (\d+)/), let number = Int(match.1) {
            line = number
        } else if let match = description.firstMatch(of: /^(\d+):(\d+)/), let number = Int(match.1) {
            line = number
        }
        var key = locator.keys.filter { description.contains($0) }.max { $0.count < $1.count }
        if let knownKey = key, line == nil { line = locator.line(of: knownKey) }
        if key == nil, let line { key = locator.key(atOrBefore: line) }
        var problem = (descriptionLines.first ?? description).replacing(/^\d+:\d+:\s*(error:\s*)?/, with: "")
        if problem.hasSuffix(":") {
            problem = String(problem.dropLast())  // no context: the next line is the snippet
        } else if description.firstMatch(of: /^\d+:\d+: error:/) != nil, descriptionLines.count > 1 {
            let detail = descriptionLines[1].trimmingCharacters(in: .whitespaces)
            problem +=
                (problem.isEmpty ? "" : ": ") + (detail.hasSuffix(":") ? String(detail.dropLast()) : detail)
        }
        return ConfigIssue(
            file: path, line: line, key: key,
            message:
                "the file is not valid YAML (\(problem.trimmingCharacters(in: .whitespaces))), so it was ignored and Waymark starts with the built-in listener"
        )
    }

    private func unknownKeyIssues(in file: LoadedFile) -> [ConfigIssue] {
        let known = Set(SettingSpec.all.map(\.key)).union(SettingSpec.sections)
        var issues: [ConfigIssue] = []
        for key in file.locator.keys {
            var components = key.split(separator: ".").map(String.init)
            var inProfile = false
            if components.first == "profiles" {
                if components.count <= 2 { continue }
                components.removeFirst(2)
                inProfile = true
            }
            let relative = components.joined(separator: ".")
            let line = file.locator.lines[key]
            let isKnown =
                known.contains(relative) && !(inProfile && SettingSpec.notInProfiles.contains(relative))
            if isKnown { continue }
            if Self.looksSecret(components.last ?? "") {
                issues.append(
                    ConfigIssue(
                        file: file.path, line: line, key: key,
                        message:
                            "API keys and passwords never go in the configuration file (the value is not shown); put the key in an environment variable and name that variable in openai.api_key_env"
                    ))
            } else {
                issues.append(
                    ConfigIssue(file: file.path, line: line, key: key, message: "unknown key, ignored"))
            }
        }
        return issues
    }

    /// Key names that probably hold a secret.
    static func looksSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if lowered.hasSuffix("_env") { return false }
        return ["api_key", "apikey", "key", "token", "secret", "password"].contains { lowered.hasSuffix($0) }
    }

    private func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}
