import Localization
import Testing

@Suite("--lang and the locale")
struct LanguageTests {
    @Test func theFlagWins() throws {
        #expect(try Language.resolve(flag: "zh-Hans", environment: ["LANG": "en_US.UTF-8"]) == .simplifiedChinese)
        #expect(try Language.resolve(flag: "en", environment: ["LC_ALL": "zh_CN.UTF-8"]) == .english)
        #expect(try Language.resolve(flag: "ZH_cn", environment: [:]) == .simplifiedChinese)
        #expect(throws: LanguageError(value: "fr")) { try Language.resolve(flag: "fr", environment: [:]) }
        #expect(LanguageError(value: "fr").description == "unknown language 'fr' (use one of: en, zh-Hans)")
    }

    @Test("LC_ALL, then LC_MESSAGES, then LANG; the first one set decides")
    func theLocaleDecidesWithoutAFlag() throws {
        func resolve(_ environment: [String: String]) throws -> Language { try Language.resolve(flag: nil, environment: environment) }
        #expect(try resolve([:]) == .english)
        #expect(try resolve(["LANG": "zh_CN.UTF-8"]) == .simplifiedChinese)
        #expect(try resolve(["LANG": "zh_TW.UTF-8"]) == .simplifiedChinese)
        #expect(try resolve(["LANG": "C.UTF-8"]) == .english)
        #expect(try resolve(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]) == .english)
        #expect(try resolve(["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .simplifiedChinese)
        #expect(try resolve(["LC_ALL": "C", "LC_MESSAGES": "zh_CN.UTF-8"]) == .english)
        #expect(try resolve(["LC_ALL": "zh_SG.UTF-8", "LANG": "C"]) == .simplifiedChinese)
        // An empty variable is unset, as setlocale(3) treats it.
        #expect(try resolve(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .simplifiedChinese)
    }
}
