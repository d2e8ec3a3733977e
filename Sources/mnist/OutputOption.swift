import ArgumentParser
import CommandLineSupport

/// The `--format` option every `mnist` command shares (train, evaluate, baselines):
/// one spelling and one help text.
struct OutputOption: ParsableArguments {
    @Option(help: "Output: text for people or json for scripts.")
    var format = OutputFormat.text
}
