import Foundation

/// A paced-breathing exercise as a pure function of elapsed time.
///
/// The caller owns the clock: a screen ticks (say every 100 ms) and asks for
/// ``frame(at:)`` with the time since it started; tests pass any elapsed time they like.
/// Line mode can instead print ``lineModeSteps()`` one by one, waiting each step's seconds.
public struct BreathingExercise: Sendable, Equatable {
    /// A line-mode step: show `text`, then wait `seconds` before the next one.
    public struct Step: Sendable, Equatable {
        public var text: String
        public var seconds: Int

        public init(text: String, seconds: Int) {
            self.text = text
            self.seconds = seconds
        }
    }

    public let pattern: BreathingPattern
    public let guide: BreathingGuide
    /// How many breaths.
    public let cycles: Int

    /// An exercise of `cycles` breaths (the pattern's default when `nil`).
    public init(pattern: BreathingPattern, guide: BreathingGuide, cycles: Int? = nil) {
        self.pattern = pattern
        self.guide = guide
        self.cycles = max(cycles ?? pattern.cycles, 1)
    }

    /// The whole exercise's length.
    public var duration: Duration {
        .seconds(pattern.secondsPerCycle * cycles)
    }

    /// What to show `elapsed` after the start (negative times show the start).
    public func frame(at elapsed: Duration) -> BreathingFrame {
        let perCycle = Double(pattern.secondsPerCycle)
        let total = perCycle * Double(cycles)
        let seconds = min(max(Self.seconds(elapsed), 0), total)
        let finished = seconds >= total
        guard let lastPhase = pattern.phases.last, perCycle > 0 else {
            let empty = BreathingPattern.Phase(kind: .breatheIn, seconds: 0, label: "", instruction: "")
            return BreathingFrame(
                phase: empty, phaseIndex: 0, cycle: 1, cycles: cycles, secondsLeft: 0, phaseProgress: 1,
                fill: 0, overallProgress: 1, isFinished: true, text: guide.closing,
                reducedMotionText: guide.closing)
        }

        var cycleIndex = min(Int(seconds / perCycle), cycles - 1)
        var within = seconds - Double(cycleIndex) * perCycle
        var phaseIndex = pattern.phases.count - 1
        var phaseStart = perCycle - Double(max(lastPhase.seconds, 1))
        var start = 0.0
        for (index, phase) in pattern.phases.enumerated() {
            let length = Double(max(phase.seconds, 1))
            if within < start + length {
                phaseIndex = index
                phaseStart = start
                break
            }
            start += length
        }
        if finished {
            cycleIndex = cycles - 1
            within = perCycle
        }
        let phase = pattern.phases[phaseIndex]
        let length = Double(max(phase.seconds, 1))
        let progress = min(max((within - phaseStart) / length, 0), 1)
        let left = finished ? 0 : max(Int((length - (within - phaseStart)).rounded(.up)), 1)
        let fill: Double
        switch phase.kind {
        case .breatheIn: fill = progress
        case .holdIn: fill = 1
        case .breatheOut: fill = 1 - progress
        case .holdOut: fill = 0
        }
        return BreathingFrame(
            phase: phase, phaseIndex: phaseIndex, cycle: cycleIndex + 1, cycles: cycles, secondsLeft: left,
            phaseProgress: progress, fill: fill, overallProgress: total > 0 ? seconds / total : 1,
            isFinished: finished, text: finished ? guide.closing : stepText(phase, seconds: left),
            reducedMotionText: finished ? guide.closing : reducedMotionText(phase, cycle: cycleIndex + 1))
    }

    /// The exercise as text steps for line mode: the intro, one line per phase, the closing line.
    public func lineModeSteps() -> [Step] {
        var steps = [
            Step(text: "\(pattern.name): \(pattern.summary)", seconds: 0),
            Step(text: guide.intro, seconds: 0),
        ]
        for cycle in 1...cycles {
            for phase in pattern.phases {
                steps.append(
                    Step(text: reducedMotionText(phase, cycle: cycle), seconds: max(phase.seconds, 1)))
            }
        }
        steps.append(Step(text: guide.closing, seconds: 0))
        return steps
    }

    /// Play the line-mode steps: `show` each step's text, then `sleep` for its seconds.
    /// Inject `sleep` (e.g. `{ try await Task.sleep(for: $0) }`); cancelling stops it.
    public func playLineMode(
        show: (String) -> Void, sleep: (Duration) async throws -> Void
    ) async throws {
        for step in lineModeSteps() {
            try Task.checkCancellation()
            show(step.text)
            if step.seconds > 0 { try await sleep(.seconds(step.seconds)) }
        }
    }

    // MARK: - Words

    private func stepText(_ phase: BreathingPattern.Phase, seconds: Int) -> String {
        guide.stepTemplate
            .replacingOccurrences(of: "{instruction}", with: phase.label)
            .replacingOccurrences(of: "{label}", with: phase.label)
            .replacingOccurrences(of: "{seconds}", with: String(seconds))
    }

    private func reducedMotionText(_ phase: BreathingPattern.Phase, cycle: Int) -> String {
        guide.reducedMotionTemplate
            .replacingOccurrences(of: "{instruction}", with: phase.instruction)
            .replacingOccurrences(of: "{label}", with: phase.label)
            .replacingOccurrences(of: "{seconds}", with: String(max(phase.seconds, 1)))
            .replacingOccurrences(of: "{cycle}", with: String(cycle))
            .replacingOccurrences(of: "{cycles}", with: String(cycles))
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
