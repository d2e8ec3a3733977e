/// How many terminal columns text takes, so that tables line up with Chinese in them.
///
/// Terminals draw East Asian wide and fullwidth characters (Unicode UAX #11: CJK
/// ideographs such as 神经元, kana, Hangul, the fullwidth punctuation ，。：（）) in two
/// columns and everything else BackpropLab prints (Latin, Greek, math symbols such as
/// ∇ · ≈ ‖, box drawing ─ │) in one; combining marks take none. This is what `wcwidth`
/// returns for those characters, without depending on the C library's locale tables.
public enum DisplayWidth {
    /// The columns `text` takes in a terminal.
    public static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns($1) }
    }

    /// The columns one scalar takes: 0 for a combining mark, 2 for a wide character, else 1.
    public static func columns(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: return isWide(scalar) ? 2 : 1
        }
    }

    /// Whether `scalar` is East Asian Wide or Fullwidth (the blocks Chinese text uses).
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return wideRanges.contains { $0.contains(v) }
    }

    /// Whether `character` is a CJK character (ideograph, kana, Hangul or fullwidth
    /// punctuation): a place where Chinese text may break a line without a space.
    public static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.first.map(isWide) ?? false
    }

    /// The East Asian Wide (W) and Fullwidth (F) ranges of UAX #11 that hold text.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo leading consonants
        0x2E80...0x303E,    // CJK radicals, Kangxi radicals, CJK symbols and punctuation (、。「」 and the ideographic space)
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,    // CJK Unified Ideographs Extension A
        0x4E00...0x9FFF,    // CJK Unified Ideographs
        0xA000...0xA4CF,    // Yi
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms (，：；（）！？)
        0xFFE0...0xFFE6,    // fullwidth signs
        0x20000...0x2FFFD,  // CJK Unified Ideographs Extensions B–F
        0x30000...0x3FFFD,  // CJK Unified Ideographs Extension G
    ]
}
