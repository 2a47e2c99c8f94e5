import Foundation
import Safeguard

/// Renders the service directory for `waymark resources` as text or JSON.
struct ResourcesListing {
    let directory: ServiceDirectory
    let services: [Service]
    let nation: Nation?
    let now: Date

    struct ChannelEntry: Encodable {
        var kind: String
        var how: String
        var value: String
        var label: String?
        var status: String
        var hours: String?
        var openNow: Bool?
    }

    struct ServiceEntry: Encodable {
        var id: String
        var name: String
        var channels: [ChannelEntry]
        var hours: String
        var hoursStatus: String
        var openNow: Bool?
        var free: Bool?
        var cost: String?
        var nations: [String]
        var nationsStatus: String
        var topics: [String]
        var audience: String?
        var website: String?
        var checked: String
    }

    struct Output: Encodable {
        var checked: String
        var now: String
        var ukTime: String
        var services: [ServiceEntry]
    }

    var ukTimeText: String {
        let t = UKLocalTime(now)
        return String(
            format: "%04d-%02d-%02d %02d:%02d %@", t.year, t.month, t.day, t.hour, t.minute,
            t.isSummerTime ? "BST" : "GMT")
    }

    func entries() -> [ServiceEntry] {
        services.map { service in
            let channels = nation.map { service.displayedChannels(for: $0) } ?? service.displayedChannels
            return ServiceEntry(
                id: service.id, name: service.name,
                channels: channels.map { channel in
                    ChannelEntry(
                        kind: channel.kind.rawValue, how: channel.action, value: channel.value,
                        label: channel.label,
                        status: channel.status.rawValue, hours: channel.hours?.displayText,
                        openNow: channel.hours == nil ? nil : service.isOpen(channel, at: now))
                },
                hours: service.hours.displayText, hoursStatus: service.hours.status.rawValue,
                openNow: service.isOpen(at: now), free: service.isFree,
                cost: service.cost.status.isVerified ? service.cost.text : nil,
                nations: service.nations.values.map(\.rawValue),
                nationsStatus: service.nations.status.rawValue,
                topics: service.topics.categories.map(\.rawValue),
                audience: service.audience.status.isVerified ? service.audience.text : nil,
                website: service.displayedWebsite, checked: service.checked)
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let output = Output(
            checked: directory.checked, now: ISO8601DateFormatter().string(from: now), ukTime: ukTimeText,
            services: entries())
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    func text() -> String {
        var out = "UK support services (details checked \(directory.checked); UK time now \(ukTimeText))\n"
        out += "In danger now: call 999. Samaritans: 116 123 (free, 24/7).\n"
        if services.isEmpty { out += "\nNo services match.\n" }
        for entry in entries() {
            let open: String =
                switch entry.openNow {
                case true: "open now"
                case false: "closed now"
                default: "hours not confirmed"
                }
            out += "\n\(entry.name) [\(entry.id)] — \(open)\n"
            for channel in entry.channels {
                var line = "  \(channel.how)"
                if let label = channel.label, !channel.how.contains(label) { line += " — \(label)" }
                if let hours = channel.hours { line += " (\(hours))" }
                out += line + "\n"
            }
            var facts = [entry.openNow == nil ? entry.hours : "Hours: \(entry.hours)"]
            if entry.free == true {
                facts.append("free")
            } else if let cost = entry.cost {
                facts.append(cost)
            }
            if !entry.nations.isEmpty {
                facts.append(
                    entry.nations.compactMap { Nation(rawValue: $0)?.displayName }.joined(separator: ", "))
            }
            out += "  " + facts.joined(separator: " · ") + "\n"
            if let audience = entry.audience { out += "  For: \(audience)\n" }
            if let website = entry.website { out += "  \(website)\n" }
            out += "  Checked \(entry.checked)\n"
        }
        return out
    }
}
