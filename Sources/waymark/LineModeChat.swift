import ChatCore
import Dispatch
import Foundation
import Safeguard
import Glibc
import TerminalUI

/// The accessible line mode: the same conversation as plain appended lines ("You:" /
/// "Waymark:"), no redraws, no box drawing, no spinners. Reads one message per line.
struct LineModeChat {
    let driver: any ConversationDriver
    let options: ChatOptions
    let resources: ChatResources
    /// Printed as notes after the intro (configuration problems, a backend that could not start).
    var startupNotices: [String] = []
    /// The private store and the plan, breathing and grounding texts.
    var support = ChatSupport()
    /// Plan, grounding and history state at start.
    var tools = SupportTools()

    func run() {
        let interactive = isatty(STDIN_FILENO) != 0
        let strip = HelpStrip(nation: options.nation)
        if !options.noIntro {
            emit(plainIntro(resources.introText))
            emit("")
        }
        emit(strip.fullText)
        if tools.historyEnabled {
            emit("Note: " + PanelContent.historyOnNotice.replacingOccurrences(of: "**", with: ""))
        }
        for notice in startupNotices { emit("Note: \(notice)") }
        emit("Type a message and press Enter. /help lists commands; /quit leaves.")
        var entries: [TranscriptEntry] = []
        let extras = LineModeSupport(driver: driver, support: support, tools: tools)
        extras.startUp()
        while true {
            if interactive { emit("You: ", newline: false) }
            guard let line = extras.nextLine() else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text.hasPrefix("/") && !text.hasPrefix("//") {
                let parts = text.split(separator: " ", maxSplits: 1)
                let name = parts.first.map { $0.lowercased() } ?? ""
                let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
                if extras.command(name, argument: argument, interactive: interactive) {
                    if let pending = extras.pendingMessage {
                        extras.pendingMessage = nil
                        let turn = runTurn(echoUser: true, strip: strip) { $0.send(pending) }
                        entries += turn
                        extras.turnFinished(turn)
                    }
                    continue
                }
                if !command(text, entries: &entries, strip: strip) { break }
                continue
            }
            if extras.acceptOffer(text) { continue }
            let message = text.hasPrefix("//") ? String(text.dropFirst()) : line
            let turn = runTurn(echoUser: !interactive, strip: strip) { $0.send(message) }
            entries += turn
            extras.turnFinished(turn)
        }
    }

    /// One turn: print its events as they arrive, return its entries.
    private func runTurn(
        echoUser: Bool, strip: HelpStrip,
        _ start: @escaping @Sendable (any ConversationDriver) -> AsyncStream<SessionEvent>
    ) -> [TranscriptEntry] {
        let collected = TurnEntryCollector()
        let driver = self.driver
        Blocking.run {
            var printer = LineModePrinter()
            for await event in start(driver) {
                switch event {
                case .entryAdded(let entry), .entryUpdated(let entry):
                    collected.record(entry)
                    printer.show(entry, echoUser: echoUser, strip: strip)
                case .responderFailed, .turnFinished:
                    break
                }
            }
            printer.finish()
        }
        return collected.entries
    }

    /// Handle a command; false means quit.
    private func command(_ text: String, entries: inout [TranscriptEntry], strip: HelpStrip) -> Bool {
        let parts = text.split(separator: " ", maxSplits: 1)
        let name = parts.first.map { $0.lowercased() } ?? ""
        switch name {
        case "/quit", "/exit", "/q":
            return false
        case "/help":
            emit("Commands:")
            for (command, summary) in AppState.commands { emit("  \(command): \(summary)") }
            emit(strip.fullText)
        case "/about":
            emit(plainIntro(resources.introText))
        case "/services":
            for service in resources.services {
                let hours = service.hours.map { ", " + $0 } ?? ""
                let open = service.openNow.map { $0 ? " (open now)" : " (closed now)" } ?? ""
                emit("\(service.name): \(service.contact)\(hours)\(open)")
            }
        case "/export":
            let path = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
            do {
                let written = try TranscriptExportWriter.write(
                    entries, to: path, includeOriginals: options.clinician)
                emit("Note: conversation saved to \(written) (readable only by you).")
            } catch {
                emit("Note: export failed: \(error)")
            }
        case "/retry":
            entries += runTurn(echoUser: false, strip: strip) { $0.retry() }
        case "/nation", "/age":
            let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
            var nation: Nation?
            var band: AgeBand?
            if name == "/nation" {
                nation = AppState.nation(named: argument)
            } else if let age = Int(argument), (5...120).contains(age) {
                band = AgeBand.allCases.first { age >= $0.lowestAge && age <= $0.highestAge }
            }
            guard nation != nil || band != nil else {
                emit(
                    name == "/nation"
                        ? "Note: type /nation england, scotland, wales or northern-ireland."
                        : "Note: type /age and your age in years, for example /age 15.")
                return true
            }
            let driver = self.driver
            let (chosenNation, chosenBand) = (nation, band)
            let said = Blocking.run { await driver.setPerson(nation: chosenNation, ageBand: chosenBand) }
            emit("Note: \(said)")
        case "/backend", "/listener":
            let argument = parts.count > 1 ? parts[1].lowercased().trimmingCharacters(in: .whitespaces) : ""
            if name == "/listener" || argument == "listening" {
                let driver = self.driver
                let said = Blocking.run { await driver.useBuiltInListener() }
                emit("Note: \(said)")
            } else {
                emit("Note: only the built-in listener can be chosen here: type /backend listening.")
            }
        case "/clear", "/inspector":
            emit("Note: \(name) is only available on the chat screen.")
        default:
            emit(
                "Note: unknown command \(name). Type /help for the list. To send a message starting with /, type //."
            )
        }
        return true
    }

    /// The intro without Markdown marks (headings, bold, code).
    private func plainIntro(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let unmarked = line.hasPrefix("#") ? line.drop(while: { $0 == "#" || $0 == " " }) : line
            return String(unmarked).replacingOccurrences(of: "**", with: "").replacingOccurrences(
                of: "`", with: "")
        }.joined(separator: "\n")
    }
}
