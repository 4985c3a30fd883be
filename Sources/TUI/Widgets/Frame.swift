/// Box-drawing characters, with an ASCII fallback for terminals without UTF-8.
public struct BorderSet: Sendable {
    public let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String

    public static let unicode = BorderSet(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                          bottomLeft: "└", bottomRight: "┘")
    public static let ascii = BorderSet(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                        bottomLeft: "+", bottomRight: "+")
}

extension Buffer {
    /// Draws a frame around `rect` with `title` in its top border.
    public mutating func frame(_ rect: Rect, title: String = "", borders: BorderSet, style: Style, titleStyle: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            put(borders.horizontal, x: x, y: rect.y, style: style)
            put(borders.horizontal, x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            put(borders.vertical, x: rect.x, y: y, style: style)
            put(borders.vertical, x: rect.maxX - 1, y: y, style: style)
        }
        put(borders.topLeft, x: rect.x, y: rect.y, style: style)
        put(borders.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        put(borders.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        put(borders.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if !title.isEmpty {
            put(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: rect.width - 2)
        }
    }
}
