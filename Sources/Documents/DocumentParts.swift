import Domain

/// French wording shared by the documents: money with non-breaking spaces, long dates, member
/// kinds.
enum French {
    static let format = DisplayFormat(.fr)

    /// `1 050,00 €` with non-breaking spaces, so an amount never breaks across lines.
    static func money(_ cents: Int) -> String { nonBreaking(format.money(cents)) }

    /// `52 h`, `3 h 30`, with non-breaking spaces.
    static func hours(_ minutes: Int) -> String { format.hours(minutes) }

    /// `09/01/2023`.
    static func numeric(_ date: CalendarDate) -> String { format.numericDate(date) }

    /// `lun. 9 janv. 2023`.
    static func short(_ date: CalendarDate) -> String { format.date(date) }

    /// `9 janvier 2023`, `1er mars 2023`.
    static func long(_ date: CalendarDate) -> String {
        "\(date.day == 1 ? "1er" : String(date.day)) \(format.monthName(date.month)) \(date.year)"
    }

    static func nonBreaking(_ text: String) -> String {
        String(text.map { $0 == " " ? "\u{00A0}" : $0 })
    }

    /// `commune`, `association foncière pastorale`, `autre organisme`.
    static func kind(_ kind: MemberKind) -> String {
        switch kind {
        case .commune: "commune"
        case .afp: "association foncière pastorale"
        case .other: "autre organisme"
        }
    }

    /// Who acts for the member: the mayor of a commune, the president of another body; by name
    /// when known ("Guy Martin, maire d'Auris").
    static func representative(_ member: Member) -> String {
        if let mayor = member.membership.mayor, !mayor.isEmpty {
            return member.kind == .commune ? "\(mayor), maire \(DisplayFormat.de(member.name))" : "\(mayor), président(e) – \(member.name)"
        }
        return member.kind == .commune ? "Madame ou Monsieur le Maire" : "Madame ou Monsieur le Président"
    }

    /// The body that runs the service (its EPCI), else the service's own name.
    static func body(_ service: ServiceSettings) -> String {
        service.epci.flatMap { $0.isEmpty ? nil : $0 } ?? service.name
    }

    /// The service's signatory: `Le Président, David MARTI`, or a generic title.
    static func signatory(_ service: ServiceSettings, fallback: String) -> [String] {
        var lines: [String] = []
        lines.append(service.issuerTitle.flatMap { $0.isEmpty ? nil : $0 } ?? fallback)
        if let name = service.issuerName, !name.isEmpty { lines.append(name) }
        return lines
    }
}

extension PageFlow {
    /// The issuer at the top left (body, service, address) and, at the top right, reference
    /// lines (number, dates); the cursor ends below the taller of the two.
    mutating func letterhead(_ service: ServiceSettings, reference: [(label: String, value: String)]) {
        let start = y
        let columnWidth = 270.0
        var lines: [(String, PDFFont, Double)] = []
        if let epci = service.epci, !epci.isEmpty {
            lines.append((epci, .bold, 11))
            lines.append((service.name, .regular, 9))
        } else {
            lines.append((service.name, .bold, 11))
        }
        if let address = service.address, !address.isEmpty {
            for piece in address.split(separator: "\n") { lines.append((String(piece), .regular, 9)) }
        }
        for (text, font, size) in lines {
            for piece in Self.wrap(text, width: columnWidth, font: font, size: size) {
                put(piece, x: Self.left, font: font, size: size)
                y += Self.lineHeight(size)
            }
        }
        let leftBottom = y
        y = start
        for (label, value) in reference {
            let valueWidth = PDFFont.bold.width(value, size: 9.5)
            put(value, x: Self.right, font: .bold, size: 9.5, align: .right)
            put(label, x: Self.right - valueWidth - 4, size: 9.5, align: .right, gray: 0.3)
            y += Self.lineHeight(9.5)
        }
        y = max(y, leftBottom) + 10
        rule(width: 0.8, gray: 0.2)
        y += 16
    }

    /// The document's title, centred, with an optional subtitle.
    mutating func title(_ text: String, subtitle: String? = nil) {
        line(text, x: PDFWriter.pageWidth / 2, font: .bold, size: 17, align: .center)
        if let subtitle {
            y += 1
            paragraph(subtitle, font: .regular, size: 10, align: .center, after: 0)
        }
        y += 12
    }

    /// A framed block at the right of the page (the addressee, as in a window envelope), with a
    /// small grey caption; the cursor ends below it.
    mutating func addressBlock(caption: String, lines: [(String, PDFFont)], x: Double = 305) {
        let width = Self.right - x
        let wrapped = lines.flatMap { text, font in Self.wrap(text, width: width - 16, font: font, size: 10).map { ($0, font) } }
        let height = 8 + Self.lineHeight(8) + Double(wrapped.count) * Self.lineHeight(10) + 8
        ensure(height)
        pdf.strokeRect(x: x, y: PDFWriter.pageHeight - y - height, width: width, height: height, lineWidth: 0.6, gray: 0.45)
        let top = y
        y += 8
        put(caption, x: x + 8, size: 8, gray: 0.35)
        y += Self.lineHeight(8)
        for (text, font) in wrapped {
            put(text, x: x + 8, font: font, size: 10)
            y += Self.lineHeight(10)
        }
        y = top + height + 14
    }

    /// Signature blocks side by side (one per party), each a caption then a blank space to sign.
    mutating func signatures(_ blocks: [[String]], note: String? = nil) {
        let count = Double(max(1, blocks.count))
        let columnWidth = Self.width / count
        let height = Double(blocks.map(\.count).max() ?? 1) * Self.lineHeight(10) + 70
        ensure(height + (note == nil ? 0 : 20))
        if let note { paragraph(note, size: 9.5, after: 8) }
        let top = y
        for (index, block) in blocks.enumerated() {
            let x = blocks.count == 1 ? Self.right - 220 : Self.left + Double(index) * columnWidth
            y = top
            for (number, text) in block.enumerated() {
                put(text, x: x, font: number == 0 ? .bold : .regular, size: 10)
                y += Self.lineHeight(10)
            }
        }
        y = top + height
    }
}
