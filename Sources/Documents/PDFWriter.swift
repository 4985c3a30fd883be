/// A minimal PDF 1.4 writer: A4 pages drawn with the two standard Helvetica faces, lines and
/// filled, outlined or hatched rectangles, serialised with a correct cross-reference table.
/// Coordinates are PDF points from the bottom-left corner of the page; text `y` is the baseline.
/// The output depends only on what was drawn (no date, no random identifier).
public struct PDFWriter: Sendable {
    public static let pageWidth = 595.0
    public static let pageHeight = 842.0

    /// Horizontal alignment of a text relative to its `x`.
    public enum Alignment: Sendable { case left, right, center }

    /// One content stream per page.
    private var pages: [[UInt8]] = []
    /// The page being drawn on.
    public private(set) var currentPage = -1
    /// Shown by viewers as the document title.
    public var title: String

    public init(title: String = "") { self.title = title }

    public var pageCount: Int { pages.count }

    /// Starts a new page and draws on it from now on.
    public mutating func newPage() {
        pages.append([])
        currentPage = pages.count - 1
    }

    /// Draws on an earlier page (page footers are added once the page count is known).
    public mutating func select(page index: Int) {
        precondition(pages.indices.contains(index), "no page \(index)")
        currentPage = index
    }

    /// `text` with its baseline at `y`, starting at `x` (or ending at, or centred on, `x`).
    public mutating func text(_ text: String, x: Double, y: Double, font: PDFFont = .regular, size: Double = 10,
                              align: Alignment = .left, gray: Double = 0) {
        guard !text.isEmpty else { return }
        let width = font.width(text, size: size)
        let left: Double = switch align {
        case .left: x
        case .right: x - width
        case .center: x - width / 2
        }
        let colour = gray == 0 ? "" : "q \(Self.number(gray)) g "
        let start = "\(colour)BT /\(font.resourceName) \(Self.number(size)) Tf \(Self.number(left)) \(Self.number(y)) Td "
        append(Array(start.utf8) + Self.literal(WinAnsi.encode(text)) + Array((gray == 0 ? " Tj ET\n" : " Tj ET Q\n").utf8))
    }

    /// A straight line.
    public mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double),
                              width: Double = 0.5, gray: Double = 0) {
        append("q \(Self.number(width)) w \(Self.number(gray)) G \(Self.number(start.x)) \(Self.number(start.y)) m "
            + "\(Self.number(end.x)) \(Self.number(end.y)) l S Q\n")
    }

    /// A filled rectangle whose bottom-left corner is (`x`, `y`).
    public mutating func fillRect(x: Double, y: Double, width: Double, height: Double, gray: Double) {
        append("q \(Self.number(gray)) g \(Self.number(x)) \(Self.number(y)) \(Self.number(width)) \(Self.number(height)) re f Q\n")
    }

    /// An outlined rectangle whose bottom-left corner is (`x`, `y`).
    public mutating func strokeRect(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5, gray: Double = 0) {
        append("q \(Self.number(lineWidth)) w \(Self.number(gray)) G \(Self.number(x)) \(Self.number(y)) "
            + "\(Self.number(width)) \(Self.number(height)) re S Q\n")
    }

    /// A rectangle hatched with lines rising at 45°, `spacing` apart, clipped to the rectangle
    /// (a fill that still reads in monochrome print beside solid greys).
    public mutating func hatchRect(x: Double, y: Double, width: Double, height: Double, spacing: Double = 3,
                                   lineWidth: Double = 0.5, gray: Double = 0) {
        guard width > 0, height > 0, spacing > 0 else { return }
        var path = ""
        var offset = -height
        while offset < width {
            path += "\(Self.number(x + offset)) \(Self.number(y)) m \(Self.number(x + offset + height)) \(Self.number(y + height)) l "
            offset += spacing
        }
        append("q \(Self.number(x)) \(Self.number(y)) \(Self.number(width)) \(Self.number(height)) re W n "
            + "\(Self.number(lineWidth)) w \(Self.number(gray)) G \(path)S Q\n")
    }

    private mutating func append(_ operators: String) { append(Array(operators.utf8)) }

    private mutating func append(_ bytes: [UInt8]) {
        if pages.isEmpty { newPage() }
        pages[currentPage] += bytes
    }

    // MARK: - Serialisation

    /// The whole file: header, objects, cross-reference table and trailer.
    public func render() -> [UInt8] {
        let contents = pages.isEmpty ? [[]] : pages
        var out: [UInt8] = Array("%PDF-1.4\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        func object(_ body: String) { object(Array(body.utf8)) }

        let firstPage = 6
        let kids = contents.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(contents.count) >>")
        for font in PDFFont.allCases {
            object("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>")
        }
        object("<< /Title \(Self.textString(title)) /Producer \(Self.textString("Relève")) >>")
        let fonts = PDFFont.allCases.enumerated().map { "/\($0.element.resourceName) \(3 + $0.offset) 0 R" }.joined(separator: " ")
        for (index, content) in contents.enumerated() {
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(Self.pageWidth)) \(Self.number(Self.pageHeight))] "
                + "/Resources << /Font << \(fonts) >> >> /Contents \(firstPage + 2 * index + 1) 0 R >>")
            object(Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("\nendstream".utf8))
        }

        let xref = out.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    /// A number as PDF operators want it: at most two decimals, no exponent, no `-0`.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths)
        let sign = hundredths < 0 ? "-" : ""
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        let decimals = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(whole) + "." + decimals
    }

    /// A literal string `( … )` with `(`, `)` and `\` escaped.
    static func literal(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x28]
        for byte in bytes {
            if byte == 0x28 || byte == 0x29 || byte == 0x5C { out.append(0x5C) }
            out.append(byte)
        }
        out.append(0x29)
        return out
    }

    /// A text string for the document information: UTF-16BE with its byte order mark, in hex.
    static func textString(_ text: String) -> String {
        let digits = Array("0123456789ABCDEF")
        var hex = "<FEFF"
        for unit in text.utf16 {
            for shift in [12, 8, 4, 0] { hex.append(digits[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        return hex + ">"
    }
}
