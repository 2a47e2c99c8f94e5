import ChatCore
import Foundation
import Safeguard
import Testing

@testable import WaymarkConfig
import WaymarkTestTraits

@Suite(.ownThread) struct ConfigTests {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh folder acting as $XDG_CONFIG_HOME, with `config.yaml` holding `yaml` if given.
    private func configHome(_ yaml: String? = nil) throws -> (home: String, file: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-config-\(UUID())")
            .path
        try FileManager.default.createDirectory(atPath: home + "/waymark", withIntermediateDirectories: true)
        let file = home + "/waymark/config.yaml"
        if let yaml { try Data(yaml.utf8).write(to: URL(fileURLWithPath: file)) }
        return (home, file)
    }

    private func resolve(
        _ yaml: String?, flags: ConfigFlags = ConfigFlags(), environment: [String: String] = [:]
    ) throws -> (SettingsResolution, String) {
        let (home, file) = try configHome(yaml)
        var environment = environment
        environment["XDG_CONFIG_HOME"] = home
        return (SettingsResolver(flags: flags, environment: environment).resolve(), file)
    }

    // MARK: - Precedence and provenance

    @Test func noFileAtAllGivesTheBuiltInListenerAndDefaults() throws {
        let (resolution, _) = try resolve(nil)
        #expect(resolution.issues.isEmpty)
        #expect(resolution.settings.backend == .listening)
        #expect(resolution.settings.openAI == OpenAISettings())
        #expect(resolution.settings.provenance["backend"] == "default")
        #expect(resolution.settings.provenance["openai.model"] == "default")
    }

    @Test func flagsBeatEnvironmentBeatFileBeatDefaults() throws {
        let yaml = """
            backend: command
            openai:
              model: from-file
              base_url: http://file.example:1/v1
              temperature: 0.2
            """
        let (resolution, file) = try resolve(
            yaml, flags: ConfigFlags(backend: "openai", model: "from-flag"),
            environment: [
                "WAYMARK_OPENAI_MODEL": "from-env", "WAYMARK_OPENAI_BASE_URL": "http://env.example:2/v1",
            ])
        let settings = resolution.settings
        #expect(resolution.issues.isEmpty)
        #expect(settings.backend == .openai)
        #expect(settings.openAI.model == "from-flag")
        #expect(settings.openAI.baseURL == "http://env.example:2/v1")
        #expect(settings.openAI.temperature == 0.2)
        #expect(settings.openAI.maxTokens == 400)
        #expect(settings.provenance["backend"] == "flag --backend")
        #expect(settings.provenance["openai.model"] == "flag --model")
        #expect(settings.provenance["openai.base_url"] == "env WAYMARK_OPENAI_BASE_URL")
        #expect(settings.provenance["openai.temperature"] == "file \(file):5")
        #expect(settings.provenance["openai.max_tokens"] == "default")
    }

    @Test func nestedKeysReadFromTheEnvironmentWithUnderscores() throws {
        let (resolution, _) = try resolve(
            nil, environment: ["WAYMARK_OPENAI_TIMEOUTS_FIRST_TOKEN": "12.5", "WAYMARK_AGE_BAND": "under-19"])
        #expect(resolution.settings.openAI.firstTokenTimeout == 12.5)
        #expect(resolution.settings.ageBand == .under19)
        #expect(
            resolution.settings.provenance["openai.timeouts.first_token"]
                == "env WAYMARK_OPENAI_TIMEOUTS_FIRST_TOKEN")
    }

    @Test func ageBandAndNationUseTheSafeguardsTypes() throws {
        let (older, _) = try resolve("age_band: 35+\nnation: northern-ireland\n")
        #expect(older.issues.isEmpty)
        #expect(older.settings.ageBand == AgeBand.from35)
        #expect(older.settings.person == PersonSettings(nation: .northernIreland, ageBand: .from35))
        let (unsaid, _) = try resolve("age_band: unspecified\n")
        #expect(unsaid.settings.ageBand == nil)
        #expect(unsaid.settings.person.nation == .england)
    }

    @Test func profileWinsOverTheTopLevelButNotOverEnvironmentOrFlags() throws {
        let yaml = """
            backend: listening
            profile: local
            openai:
              model: top
              temperature: 0.5
            profiles:
              local:
                backend: openai
                openai:
                  model: profile-model
                  max_tokens: 99
            """
        let (resolution, file) = try resolve(yaml, environment: ["WAYMARK_OPENAI_MAX_TOKENS": "50"])
        let settings = resolution.settings
        #expect(resolution.issues.isEmpty)
        #expect(settings.profile == "local")
        #expect(settings.backend == .openai)
        #expect(settings.openAI.model == "profile-model")
        #expect(settings.openAI.temperature == 0.5)
        #expect(settings.openAI.maxTokens == 50)
        #expect(settings.provenance["openai.model"] == "file \(file):10 (profile local)")
        #expect(settings.provenance["profile"] == "file \(file):2")

        let (chosenByFlag, _) = try resolve(yaml, flags: ConfigFlags(profile: "local", nation: "wales"))
        #expect(chosenByFlag.settings.provenance["profile"] == "flag --profile")
        #expect(chosenByFlag.settings.nation == .wales)
    }

    @Test func unknownProfileIsAnIssueAndIgnored() throws {
        let (resolution, _) = try resolve("backend: listening\n", flags: ConfigFlags(profile: "nope"))
        #expect(resolution.settings.profile == nil)
        #expect(resolution.issues.contains { $0.key == "profile" && $0.message.contains("no profile named") })
    }

    @Test func commandFlagIsSplitLikeAShellAndFileAcceptsAList() throws {
        let (fromFlag, _) = try resolve(
            nil, flags: ConfigFlags(backend: "command", command: "python3 'my bot.py' --name \"Way mark\""))
        #expect(fromFlag.settings.command.argv == ["python3", "my bot.py", "--name", "Way mark"])
        let (fromFile, _) = try resolve("command:\n  argv: [python3, bot.py, -v]\n")
        #expect(fromFile.settings.command.argv == ["python3", "bot.py", "-v"])
        let (fromString, _) = try resolve("command:\n  argv: python3 bot.py\n")
        #expect(fromString.settings.command.argv == ["python3", "bot.py"])
    }

    @Test func explicitConfigPathBeatsTheUserFile() throws {
        let (home, _) = try configHome("backend: command\n")
        let other = home + "/other.yaml"
        try Data("backend: scripted\nscripted:\n  file: replies.txt\n".utf8).write(
            to: URL(fileURLWithPath: other))
        let resolution = SettingsResolver(
            flags: ConfigFlags(configPath: other), environment: ["XDG_CONFIG_HOME": home]
        ).resolve()
        #expect(resolution.settings.backend == .scripted)
        #expect(resolution.settings.configFile == other)
        // A relative script path is relative to the file that names it.
        #expect(resolution.settings.scripted.file == home + "/replies.txt")
    }

    @Test func theAnnotatedDefaultFileMatchesTheBuiltInDefaults() throws {
        let path = Self.repositoryRoot.appendingPathComponent("config/waymark.yaml").path
        let resolution = SettingsResolver(flags: ConfigFlags(configPath: path), environment: [:]).resolve()
        #expect(resolution.issues.isEmpty, "\(resolution.issues)")
        var settings = resolution.settings
        settings.provenance = [:]
        settings.configFile = nil
        #expect(settings == WaymarkSettings.defaults)
        #expect(resolution.settings.provenance["backend"]?.hasPrefix("file \(path):") == true)
        // Its profiles are usable as they are.
        let ollama = SettingsResolver(
            flags: ConfigFlags(configPath: path, profile: "ollama"), environment: [:]
        )
        .resolve()
        #expect(ollama.issues.isEmpty)
        #expect(ollama.settings.backend == .openai)
        #expect(ollama.settings.openAI.baseURL == "http://127.0.0.1:11434/v1")
    }

    // MARK: - Broken files

    @Test func brokenYAMLNamesFileLineAndKeyAndFallsBackToTheListener() throws {
        let yaml = """
            backend: openai
            openai:
              model: "unterminated
              temperature: 0.3
            """
        let (resolution, file) = try resolve(yaml)
        #expect(resolution.settings.backend == .listening)
        #expect(resolution.settings.provenance["backend"]?.contains("could not be read") == true)
        let issue = try #require(resolution.issues.first)
        #expect(issue.file == file)
        #expect(issue.line == 3)
        #expect(issue.key == "openai.model")
        #expect(issue.message.contains("not valid YAML"))
        #expect(issue.description.hasPrefix("\(file):"))
    }

    @Test func brokenYAMLStillHonoursABackendFlag() throws {
        let (resolution, _) = try resolve("backend: [unclosed\n", flags: ConfigFlags(backend: "scripted"))
        #expect(resolution.settings.backend == .scripted)
        #expect(!resolution.issues.isEmpty)
    }

    @Test func wrongTypeOrValueNamesLineAndKeyAndFallsThrough() throws {
        let yaml = """
            backend: teleport
            openai:
              temperature: warm
              max_tokens: -3
            """
        let (resolution, file) = try resolve(yaml, environment: ["WAYMARK_OPENAI_TEMPERATURE": "1.1"])
        #expect(resolution.settings.backend == .listening)
        #expect(resolution.settings.openAI.temperature == 1.1)
        #expect(resolution.settings.openAI.maxTokens == 400)
        let byKey = Dictionary(grouping: resolution.issues, by: { $0.key ?? "" })
        #expect(byKey["backend"]?.first?.line == 1)
        #expect(byKey["backend"]?.first?.file == file)
        #expect(byKey["backend"]?.first?.message.contains("listening, openai, command, scripted") == true)
        #expect(byKey["openai.max_tokens"]?.first?.line == 4)
        // The environment value won, so the file's bad temperature is never reached.
        #expect(byKey["openai.temperature"] == nil)
    }

    @Test func badEnvironmentValueIsAnIssueNamingTheVariable() throws {
        let (resolution, _) = try resolve(nil, environment: ["WAYMARK_NATION": "atlantis"])
        #expect(resolution.settings.nation == nil)
        #expect(resolution.issues.first?.source == "env WAYMARK_NATION")
        #expect(resolution.issues.first?.description.hasPrefix("env WAYMARK_NATION: nation:") == true)
    }

    @Test func unknownKeysAreReportedWithTheirLine() throws {
        let (resolution, _) = try resolve("backend: listening\nopenai:\n  modle: x\n")
        #expect(resolution.issues.map(\.key) == ["openai.modle"])
        #expect(resolution.issues.first?.line == 3)
    }

    /// Unknown keys are reported whatever the YAML shape (issue 13): flow mappings on one line or
    /// several, a whole file in flow (JSON-like) style, profiles in flow style, anchors and CRLF.
    @Test(arguments: [
        ("backend: listening\nopenai: {modle: x}\n", "openai.modle", 2),
        ("openai: {model: m, timeouts: {idel: 3}}\n", "openai.timeouts.idel", 1),
        ("openai: {\n  model: m,\n  modle: x\n}\nbackend: listening\n", "openai.modle", 3),
        ("{\"backend\": \"listening\", \"openai\": {\"modle\": \"x\"}}\n", "openai.modle", 1),
        ("profiles: {work: {backend: openai, modle: x}}\n", "profiles.work.modle", 1),
        ("openai:\n  {modle: x}\n", "openai.modle", 2),
        ("openai: &base\n  modle: x\n", "openai.modle", 2),
        ("backend: listening\r\nopenai: {model: m,\r\n  modle: x}\r\n", "openai.modle", 3),
        ("backend: listening\r\nopenai:\r\n  modle: x\r\n", "openai.modle", 3),
    ])
    func unknownKeysAreReportedInEveryYAMLShape(yaml: String, key: String, line: Int) throws {
        let (resolution, _) = try resolve(yaml)
        let issue = resolution.issues.first { $0.key == key }
        #expect(issue?.line == line, "\(resolution.issues)")
        #expect(issue?.description.contains("unknown key") == true, "\(resolution.issues)")
        #expect(resolution.issues.count == 1, "\(resolution.issues)")
    }

    @Test func deeplyNestedFlowMappingsAreReadWithoutRecursion() {
        let depth = 100_000
        let text =
            "openai: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
        let locator = YAMLKeyLocator(text: text + "\nbackend: listening\n")
        #expect(locator.lines["backend"] == 2)
        #expect(locator.keys.count < 40)
    }

    @Test func knownKeysInFlowStyleAreUsedAndNotReported() throws {
        let (resolution, _) = try resolve(
            "backend: openai\nopenai: {model: \"flow-model\", timeouts: {idle: 30}, api_key_env: MY_KEY}\n")
        #expect(resolution.issues.isEmpty, "\(resolution.issues)")
        #expect(resolution.settings.openAI.model == "flow-model")
    }

    @Test func missingExplicitFileIsAnIssueButMissingUserFileIsNot() throws {
        let (home, _) = try configHome()
        let quiet = SettingsResolver(environment: ["XDG_CONFIG_HOME": home]).resolve()
        #expect(quiet.issues.isEmpty)
        let loud = SettingsResolver(flags: ConfigFlags(configPath: home + "/missing.yaml"), environment: [:])
            .resolve()
        #expect(loud.issues.first?.file == home + "/missing.yaml")
        #expect(loud.settings.backend == .listening)
    }

    // MARK: - Secrets

    @Test func secretsInTheFileAreFlaggedButNeverRepeated() throws {
        let yaml = """
            openai:
              api_key: sk-live-abc123
              api_key_env: sk-proj-xyz789
            """
        let (resolution, _) = try resolve(yaml)
        let text = resolution.issues.map(\.description).joined(separator: "\n")
        #expect(resolution.issues.count == 2)
        #expect(!text.contains("abc123"))
        #expect(!text.contains("xyz789"))
        #expect(resolution.settings.openAI.apiKeyEnvironmentVariable == nil)
        let report = ConfigReport.render(resolution, environment: [:])
        #expect(!report.contains("abc123"))
        #expect(!report.contains("xyz789"))
    }

    @Test func reportShowsSourcesAndMasksTheKey() throws {
        let (resolution, file) = try resolve(
            "openai:\n  api_key_env: MY_KEY\n", flags: ConfigFlags(backend: "openai"))
        let report = ConfigReport.render(resolution, environment: ["MY_KEY": "sk-very-secret"])
        #expect(!report.contains("sk-very-secret"))
        #expect(report.contains("MY_KEY (set; value hidden)"))
        #expect(report.contains("flag --backend"))
        #expect(report.contains("file \(file):2"))
        let unset = ConfigReport.render(resolution, environment: [:])
        #expect(unset.contains("MY_KEY (not set)"))
    }

    // MARK: - Pieces

    @Test func shellWordsHandleQuotesAndEscapes() {
        #expect(ShellWords.split(#"a "b c" 'd e' f\ g "h\"i""#) == ["a", "b c", "d e", "f g", "h\"i"])
        #expect(ShellWords.split("  spaced   out ") == ["spaced", "out"])
        #expect(ShellWords.split("'open") == nil)
        #expect(ShellWords.split("\"\"") == [""])
    }

    @Test func keyLocatorFindsNestedKeysAndSkipsComments() {
        let locator = YAMLKeyLocator(
            text:
                "# c\nbackend: x  # note\nopenai:\n  timeouts:\n    idle: 3\n  model: \"m: n\"\nlist:\n  - a: 1\n"
        )
        #expect(locator.lines["backend"] == 2)
        #expect(locator.lines["openai.timeouts.idle"] == 5)
        #expect(locator.lines["openai.model"] == 6)
        #expect(locator.line(of: "openai.timeouts.connect") == 4)
        #expect(locator.key(atOrBefore: 5) == "openai.timeouts.idle")
    }
}
