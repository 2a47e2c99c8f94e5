import ChatCore

// MARK: - Demo playback

extension AppState {
    /// The presenter's keys while a demo plays: Space pauses or resumes, `n` or → plays the
    /// next turn now, `s` plays the rest at once, Esc or `q` leaves. Panel keys (F1–F3,
    /// scrolling) pass through; `nil` means the key was not a demo key.
    mutating func handleDemoKey(_ key: Key) -> [AppEffect]? {
        guard demo != nil else { return nil }
        switch key {
        case .character(" "):
            demo?.isPaused.toggle()
        case .character("n"), .character("N"), .right:
            demo?.stepRequested = true
        case .character("s"), .character("S"):
            demo?.skipRequested = true
            demo?.isPaused = false
        case .character("q"), .character("Q"):
            return [.quit]
        case .escape:
            if overlay != nil && overlay != .inspector {
                overlay = nil
                return []
            }
            return [.quit]
        case .function, .up, .down, .pageUp, .pageDown:
            return nil
        default:
            break  // the input belongs to the playback
        }
        return []
    }

    /// Type one character of the scenario's next message into the input, as if the person did.
    public mutating func demoType(_ character: Character) {
        editor.insert(character)
    }

    /// Send what the playback typed (one turn).
    public mutating func demoSend() -> [AppEffect] {
        let text = editor.commit()
        guard !text.isEmpty else { return [] }
        isReplying = true
        isCancelling = false
        status = nil
        scrollOffset = 0
        unseenBelow = false
        return [.send(text)]
    }
}
