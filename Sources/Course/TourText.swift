import Localization

/// The `lessons` tour's own sentences, in the language of the lessons it shows.
///
/// The lessons' commands and what they print stay as they are (the tools' Chinese
/// output is separate work); only the tour's frame around them is translated, with the
/// glossary's terms.
struct TourText: Sendable {
    var language: Language

    func listingHeading(_ directory: String) -> String {
        switch language {
        case .english: "BackpropLab lessons (\(directory)/README.md has the index and a glossary)"
        case .simplifiedChinese: "BackpropLab 课程（\(directory)/README.md 有目录和术语表）"
        }
    }

    var slow: String { language == .english ? "slow" : "较慢" }
    var needsMNIST: String { language == .english ? "needs MNIST" : "需要 MNIST" }
    var readingOnly: String { language == .english ? "(reading only)" : "（只需阅读）" }

    var runHint: String {
        switch language {
        case .english: "Run a lesson's commands with: swift run lessons run N   (--step pauses between them, --data DIR for MNIST)"
        case .simplifiedChinese: "运行一课的命令：swift run lessons run N --lang zh-Hans   （--step 在命令之间暂停，--data DIR 指定 MNIST）"
        }
    }

    func lessonHeading(_ number: Int, _ title: String) -> String {
        language == .english ? "Lesson \(number): \(title)" : "第 \(number) 课　\(title)"
    }

    func goal(_ goal: String) -> String {
        language == .english ? "Goal: " + goal : "目标：" + goal
    }

    func noCommands(_ path: String) -> String {
        language == .english ? "This lesson has no commands to run; read \(path)." : "这一课没有要运行的命令，请阅读 \(path)。"
    }

    var nextCommand: String { language == .english ? "[Enter] for the next command…" : "按 [Enter] 运行下一条命令……" }

    func exited(_ status: Int32) -> String {
        language == .english ? "(exited with status \(status))" : "（退出状态 \(status)）"
    }

    func building(_ executable: String) -> String {
        language == .english
            ? "(building \(executable) first: swift build --product \(executable))"
            : "（先构建 \(executable)：swift build --product \(executable)）"
    }

    func missingData(_ directory: String, lesson: Int) -> String {
        switch language {
        case .english:
            "this command needs the MNIST data in \(directory), which is not there.\n"
                + "Get it with 'swift run mnist download', or point to a copy with 'swift run lessons run \(lesson) --data DIR'."
        case .simplifiedChinese:
            "这条命令需要 \(directory) 中的 MNIST 数据，但那里没有。\n"
                + "请用 'swift run mnist download' 下载，或用 'swift run lessons run \(lesson) --data DIR' 指向一份副本。"
        }
    }
}
