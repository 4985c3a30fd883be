/// The WinAnsiEncoding of the PDF standard fonts (PDF 1.4, appendix D): how French text becomes
/// the bytes of a PDF string, and how wide those bytes are in Helvetica and Helvetica-Bold.
enum WinAnsi {
    /// Unicode characters outside Latin-1 that WinAnsi places in 0x80–0x9F, plus the spaces
    /// that must not break (NBSP, narrow NBSP, thin space) mapped to 0xA0.
    static let specials: [Character: UInt8] = [
        "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88,
        "‰": 0x89, "Š": 0x8A, "‹": 0x8B, "Œ": 0x8C, "Ž": 0x8E, "‘": 0x91, "’": 0x92, "“": 0x93,
        "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9A, "›": 0x9B,
        "œ": 0x9C, "ž": 0x9E, "Ÿ": 0x9F,
        "\u{00A0}": 0xA0, "\u{202F}": 0xA0, "\u{2009}": 0xA0, "\u{2007}": 0xA0,
        "\u{2011}": 0x2D, "\u{2010}": 0x2D, "\u{2212}": 0x2D,
    ]

    /// Latin-1 letters by character, so that a decomposed `e` + U+0301 finds `é` (Swift
    /// compares and hashes characters by canonical equivalence).
    static let latin1: [Character: UInt8] = {
        var table: [Character: UInt8] = [:]
        for code in 0xA1...0xFF {
            if let scalar = Unicode.Scalar(code) { table[Character(scalar)] = UInt8(code) }
        }
        return table
    }()

    /// The byte of one character: ASCII as is, French letters and typography in their WinAnsi
    /// place, tabs and line breaks as spaces, anything else `?`.
    static func byte(_ character: Character) -> UInt8 {
        if let ascii = character.asciiValue {
            if ascii >= 0x20 && ascii < 0x7F { return ascii }
            return ascii == 0x09 || ascii == 0x0A || ascii == 0x0D ? 0x20 : 0x3F
        }
        if character == "\r\n" { return 0x20 }
        if let special = specials[character] { return special }
        if let letter = latin1[character] { return letter }
        return 0x3F
    }

    /// `text` in WinAnsiEncoding, one byte per character.
    static func encode(_ text: String) -> [UInt8] { text.map(byte) }

    /// Advance widths in thousandths of the font size, WinAnsi codes 32…255, from Adobe's AFM
    /// files for Helvetica (codes that WinAnsi leaves unused get the bullet's 350).
    static let helvetica: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350, // 112
        556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 128
        350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667, // 144
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
        400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224
        556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 240
    ]

    /// The same for Helvetica-Bold.
    static let helveticaBold: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350, // 112
        556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 128
        350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667, // 144
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
        400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224
        611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 240
    ]
}

/// One of the two faces the documents use: the PDF standard Helvetica, regular and bold.
public enum PDFFont: Sendable, CaseIterable {
    case regular, bold

    /// The name under which pages refer to it.
    var resourceName: String { self == .regular ? "F1" : "F2" }

    var baseFont: String { self == .regular ? "Helvetica" : "Helvetica-Bold" }

    /// The width of one WinAnsi byte in thousandths of the size.
    func advance(_ byte: UInt8) -> Int {
        guard byte >= 32 else { return 0 }
        let table = self == .regular ? WinAnsi.helvetica : WinAnsi.helveticaBold
        return table[Int(byte) - 32]
    }

    /// The width of `text` set at `size` points, in points.
    public func width(_ text: String, size: Double) -> Double {
        Double(WinAnsi.encode(text).reduce(0) { $0 + advance($1) }) * size / 1000
    }
}
