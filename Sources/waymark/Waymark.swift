import ArgumentParser

@main
struct Waymark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "A terminal peer-support chat with a boundary-setting safeguard.",
        version: WaymarkVersion.current,
        subcommands: [
            ChatCommand.self,
            AssessCommand.self,
            ResourcesCommand.self,
            PlanCommand.self,
            HistoryCommand.self,
            ForgetCommand.self,
            EvalCommand.self,
            ConfigCommand.self,
            ReplayCommand.self,
            DemoCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )

    /// Makes the standard streams safe (``StandardStreams/prepare()``), then runs the command.
    static func main() async {
        StandardStreams.prepare()
        await main(nil)
    }
}
