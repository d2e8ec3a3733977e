import ArgumentParser
import BackpropEngine
import Foundation
import Localization

/// `--lang en|zh-Hans`: the language a tool speaks to people; without it, the locale
/// decides (`Language.resolve`: the first non-empty of LC_ALL, LC_MESSAGES, LANG; a
/// value starting with `zh` means Simplified Chinese, anything else English).
///
/// Only words change with the language: numbers, symbols, JSON keys and `--format json`
/// output are the same in every language. Every tool that talks to people takes this
/// group (`@OptionGroup var language: LanguageOption`).
public struct LanguageOption: ParsableArguments, Sendable {
    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "Language of the text for people: en or zh-Hans (default: from LC_ALL, LC_MESSAGES or LANG; zh… means zh-Hans).",
        valueName: "language"))
    public var lang: String?

    public init() {}

    public func validate() throws {
        if let lang, Language(flag: lang) == nil {
            throw ValidationError(LanguageError(value: lang).description)
        }
    }

    /// The flag's language, else the locale's.
    public func resolved() throws -> Language {
        do {
            return try Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The language to speak: the flag's (already checked by `validate`), else the
    /// locale's, which never fails.
    public var language: Language {
        (try? resolved()) ?? .english
    }
}

extension SeedOption {
    /// The generator for this run, after printing the seed in `language` ("seed: 1",
    /// "随机种子：1") so the run can be repeated.
    public func makeGenerator(announce: Bool = true, language: Language) -> SeededGenerator {
        if announce { print(language.text("seed: \(seed)", "随机种子：\(seed)")) }
        return makeGenerator(announce: false)
    }
}
