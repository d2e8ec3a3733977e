/// The language a lesson or a tool speaks to people.
///
/// Only the words change with the language: numbers, symbols (wˡⱼₖ, δˡ, η, BP1–BP4),
/// commands, seeds and JSON keys are the same in every language.
public enum Language: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// English, the language the course was written in.
    case english = "en"
    /// Simplified Chinese (简体中文), the language of 《神经网络与深度学习》.
    case simplifiedChinese = "zh-Hans"

    /// The BCP 47 tag, as `--lang` takes it: `en` or `zh-Hans`.
    public var tag: String { rawValue }

    public var description: String { rawValue }

    /// The locale a child process gets so that it speaks this language too (it follows
    /// `LC_ALL` first): `C.UTF-8` for English, `zh_CN.UTF-8` for Chinese. Only the
    /// variable is read, so the locale need not be installed.
    public var localeEnvironment: [String: String] {
        ["LC_ALL": self == .english ? "C.UTF-8" : "zh_CN.UTF-8"]
    }

    /// The language a `--lang` value names: `en` or `zh-Hans` (case-insensitive; `zh`,
    /// `zh-CN`, `zh_CN` and `english` are accepted too), else `nil`.
    public init?(flag: String) {
        let value = flag.lowercased().replacingOccurrences(of: "_", with: "-")
        switch value {
        case "en", "en-us", "en-gb", "english": self = .english
        case "zh-hans", "zh", "zh-cn", "zh-sg", "zh-hans-cn": self = .simplifiedChinese
        default: return nil
        }
    }

    /// The language to use: the `--lang` flag if given, else the locale the way
    /// command-line tools read it (POSIX: the first non-empty of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` decides; a value starting with `zh` means Simplified Chinese, anything
    /// else — `C`, `POSIX`, `en_US.UTF-8`, `de_DE` — English).
    ///
    /// `LANGUAGE` (a GNU gettext extension) is not read, and `zh_TW` also gets the
    /// Simplified Chinese text: it is the only Chinese there is.
    public static func resolve(flag: String?, environment: [String: String]) throws(LanguageError) -> Language {
        if let flag {
            guard let language = Language(flag: flag) else { throw LanguageError(value: flag) }
            return language
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .simplifiedChinese : .english
        }
        return .english
    }
}

/// A `--lang` value that names no language BackpropLab speaks.
public struct LanguageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value given.
    public var value: String

    public init(value: String) { self.value = value }

    public var description: String {
        "unknown language '\(value)' (use one of: \(Language.allCases.map(\.tag).joined(separator: ", ")))"
    }
}
