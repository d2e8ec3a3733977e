/// One lesson file, `lessons/NN-name.md`, as the tour and the doc-test see it.
public struct Lesson: Sendable, Equatable {
    /// The lesson number, from the file name's `NN-` prefix.
    public var number: Int
    /// The file name, e.g. `04-gradient-descent.md`.
    public var fileName: String
    /// The text of the first `# ` heading.
    public var title: String
    /// The goal the lesson opens with (one paragraph, Markdown emphasis removed).
    public var goal: String
    /// Every command block, in the order the lesson shows them.
    public var commands: [LessonCommand]
    /// What is wrong with the file's command blocks, if anything.
    public var problems: [LessonProblem]

    public init(number: Int, fileName: String, title: String, goal: String,
                commands: [LessonCommand], problems: [LessonProblem] = []) {
        self.number = number
        self.fileName = fileName
        self.title = title
        self.goal = goal
        self.commands = commands
        self.problems = problems
    }
}

/// A command block that breaks the lesson convention, with the line it is on.
public struct LessonProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line in the lesson file.
    public var line: Int
    /// What is wrong, in one sentence.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
