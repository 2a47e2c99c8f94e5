import ChatCore

/// Everything the chat screen shows, as a value. ``update(_:)`` changes it and returns the
/// effects the runtime must perform; the renderer draws it.
public struct AppState: Sendable, Equatable {
    /// Messages longer than this (in characters) ask before they are sent.
    public static let longMessageThreshold = 4000

    /// Screen size in columns and rows.
    public var cols: Int
    public var rows: Int
    /// Every entry of the conversation (export and the inspector read all of them).
    public var entries: [TranscriptEntry] = []
    /// Index of the first entry shown (`/clear` hides everything before it).
    public var firstShownEntry: Int = 0
    /// The message being typed.
    public var editor = LineEditor()
    /// What covers the transcript, if anything.
    public var overlay: Overlay?
    /// Lines scrolled up from the bottom of the transcript (0 = following the conversation).
    public var scrollOffset: Int = 0
    /// A support card whose start must stay in view: on a small screen the card (and the reply
    /// after it) can be taller than the transcript, and its first step comes first. Released
    /// once the view holds it, or when the person scrolls or sends.
    public var pinnedEntryID: Int?
    /// New entries arrived while scrolled up.
    public var unseenBelow = false
    /// Lines scrolled inside the open panel.
    public var panelScroll: Int = 0
    /// A reply is being produced (a turn is running).
    public var isReplying = false
    /// A cancellation was requested and not yet confirmed.
    public var isCancelling = false
    /// Ctrl-C was pressed with a message half typed: a second press leaves.
    public var isLeaveConfirmPending = false
    /// A message sent while a reply was streaming: sent when that turn's stream ends.
    public var queuedMessage: String?
    /// A short message on the status line (command results, hints).
    public var status: String?
    /// Frame of the "replying" indicator.
    public var spinnerFrame = 0
    /// The intro text (from `resources/framing/intro.md`).
    public var introText: String
    /// The services panel's lines.
    public var services: [ServiceLine]
    /// The crisis strip.
    public var helpStrip: HelpStrip
    /// Name of the responder, for the title bar.
    public var responderName: String
    /// Clinician mode (`waymark demo`, `waymark chat --clinician`): the inspector also shows
    /// replies the output guard changed, in their original form, clearly labelled.
    public var isClinicianMode = false
    /// A scenario being played for clinicians (`waymark demo`), if any.
    public var demo: DemoPlayback?
    /// Id for the next locally generated notice (negative, so never clashing with the session's).
    public var nextLocalID = -1
    /// Safety plan, grounding exercises and history.
    public var tools = SupportTools()

    public init(
        cols: Int = 80, rows: Int = 24, introText: String, services: [ServiceLine] = [],
        helpStrip: HelpStrip = HelpStrip(), responderName: String = "", showIntro: Bool = true
    ) {
        self.cols = cols
        self.rows = rows
        self.introText = introText
        self.services = services
        self.helpStrip = helpStrip
        self.responderName = responderName
        self.overlay = showIntro ? .intro : nil
    }

    /// The entries currently shown in the transcript.
    public var shownEntries: ArraySlice<TranscriptEntry> {
        entries[min(firstShownEntry, entries.count)...]
    }

    /// The screen's regions for the current size and editor contents.
    public var layout: ScreenLayout { ScreenLayout(state: self) }
}
