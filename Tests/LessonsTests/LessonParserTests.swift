import Course
import Testing

@Suite("Lesson files: title, goal and command blocks")
struct LessonParserTests {
    static let sample = """
    # Gradient descent

    **Goal:** see why Δv = −η∇C makes the *cost* go down.

    Run:

    ```console
    $ swift run gradient-descent --steps 3
    ```

    ```text
    seed: 1
    step  C
    ```

    ```console slow
    $ swift run -c release deep-gradients --data ../shared/data/mnist --seed 2
    ```
    ```text
    done (1.5 s)
    ```

    ```swift
    let x = 1
    ```
    """

    @Test func titleGoalAndCommands() throws {
        let lesson = LessonParser.parse(Self.sample, fileName: "04-gradient-descent.md")
        #expect(lesson.number == 4)
        #expect(lesson.title == "Gradient descent")
        #expect(lesson.goal == "see why Δv = −η∇C makes the cost go down.")
        #expect(lesson.problems.isEmpty)
        try #require(lesson.commands.count == 2)
        let first = lesson.commands[0]
        #expect(first.executable == "gradient-descent")
        #expect(first.arguments == ["--steps", "3"])
        #expect(first.configuration == .debug)
        #expect(!first.isSlow)
        #expect(first.line == 8)
        #expect(first.expectedOutput == "seed: 1\nstep  C")
        #expect(first.expectedOutputLine == 11)
        let second = lesson.commands[1]
        #expect(second.executable == "deep-gradients")
        #expect(second.configuration == .release)
        #expect(second.isSlow)
        #expect(second.dataDirectory == "../shared/data/mnist")
        #expect(second.expectedOutput == "done (1.5 s)")
    }

    @Test("Chinese titles lose their 第 N 课, Chinese goals their 目标, and lines join without spaces")
    func chineseTitleAndGoal() {
        let lesson = LessonParser.parse("# 第 4 课　梯度下降\n\n**目标：** 看清 v → v − η∇C\n为什么让代价下降。\n", fileName: "04-gradient-descent.md")
        #expect(lesson.title == "梯度下降")
        #expect(lesson.goal == "看清 v → v − η∇C 为什么让代价下降。")
        #expect(LessonParser.parse("# 第12课：反向传播\n", fileName: "12-x.md").title == "反向传播")
        #expect(LessonParser.parse("# 第一课\n", fileName: "01-x.md").title == "第一课")
        let underHeading = LessonParser.parse("# T\n\n## 目标\n\n学会它。\n", fileName: "02-x.md")
        #expect(underHeading.goal == "学会它。")
    }

    @Test func goalUnderAHeadingOrFirstParagraph() {
        let underHeading = LessonParser.parse("# T\n\nIntro.\n\n## Goal\n\nLearn it.\n", fileName: "02-x.md")
        #expect(underHeading.goal == "Learn it.")
        let plain = LessonParser.parse("# T\n\nFirst paragraph\nwraps.\n\nSecond.\n", fileName: "02-x.md")
        #expect(plain.goal == "First paragraph wraps.")
        let dotted = LessonParser.parse("# T\n\n**Goal.** Build a neuron.\n", fileName: "01-x.md")
        #expect(dotted.goal == "Build a neuron.")
    }

    @Test(arguments: [
        ("Lesson 4 — Gradient descent", "Gradient descent"),
        ("Lesson 12: Perceptrons", "Perceptrons"),
        ("3. The architecture", "The architecture"),
        ("Sigmoid neurons", "Sigmoid neurons"),
        ("2048 games", "2048 games"),
    ])
    func titlesLoseTheirLessonNumber(title: String, expected: String) {
        #expect(LessonParser.parse("# \(title)\n", fileName: "01-x.md").title == expected)
    }

    @Test func lessonNumbersComeFromFileNames() {
        #expect(LessonParser.lessonNumber(fileName: "08-beyond-the-chapter.md") == 8)
        #expect(LessonParser.lessonNumber(fileName: "README.md") == nil)
        #expect(LessonParser.lessonNumber(fileName: "08-notes.txt") == nil)
        #expect(LessonParser.lessonNumber(fileName: "8x.md") == nil)
    }

    @Test func brokenBlocksAreReportedWithTheirLine() {
        let text = """
        # T

        ```console
        $ swift run xor | head
        ```

        ```console
        $ swift run xor
        ```

        Some prose in between.

        ```text
        out
        ```

        ```console
        $ swift run xor
        $ swift run xor
        ```

        ```console
        $ python3 network.py
        ```
        """
        let lesson = LessonParser.parse(text, fileName: "01-t.md")
        #expect(lesson.problems.map(\.line) == [4, 8, 17, 23])
        #expect(lesson.problems[0].message.contains("shell character '|'"))
        #expect(lesson.problems[1].message.contains("must be followed by a ```text block"))
        #expect(lesson.problems[2].message.contains("exactly one line"))
        #expect(lesson.problems[3].message.contains("swift run NAME"))
        #expect(lesson.commands.count == 1)   // the xor without output is still a command
    }

    @Test func quotedArgumentsStayTogether() throws {
        let command = try LessonParser.parseCommandLine("$ swift run plot --title 'two words' --x \"a b\"", line: 1).get()
        #expect(command.arguments == ["--title", "two words", "--x", "a b"])
    }

    @Test func longerFencesHoldShorterOnes() {
        let text = "# T\n\n```console\n$ swift run md\n```\n\n````text\n```\ncode\n```\n````\n"
        let lesson = LessonParser.parse(text, fileName: "01-t.md")
        #expect(lesson.commands.first?.expectedOutput == "```\ncode\n```")
        #expect(lesson.problems.isEmpty)
    }

    @Test func dataDirectoryCanBeReplaced() throws {
        let command = try LessonParser.parseCommandLine("$ swift run mnist-train --data ../shared/data/mnist --epochs 1", line: 1).get()
        #expect(command.replacingDataDirectory(with: "/tmp/m").arguments == ["--data", "/tmp/m", "--epochs", "1"])
        let equals = try LessonParser.parseCommandLine("$ swift run t --data=a", line: 1).get()
        #expect(equals.dataDirectory == "a")
        #expect(equals.replacingDataDirectory(with: "b").arguments == ["--data=b"])
    }
}
