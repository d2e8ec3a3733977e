import ArgumentParser
import Foundation
import Localization

/// `--lang en|zh-Hans`: the language of the lessons; without it, the locale decides.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "The lessons' language: en or zh-Hans (default: from LC_ALL, LC_MESSAGES or LANG; zh… means zh-Hans).",
        valueName: "language"))
    var lang: String?

    func validate() throws {
        if let lang, Language(flag: lang) == nil {
            throw ValidationError(LanguageError(value: lang).description)
        }
    }

    /// The flag's language, else the locale's.
    func resolved() throws -> Language {
        do {
            return try Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
