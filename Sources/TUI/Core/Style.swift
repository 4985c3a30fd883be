/// One of the 16 terminal colours, or the terminal's own default.
public enum TerminalColor: Int, Hashable, Sendable, CaseIterable {
    case `default` = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// Parses theme names: `red`, `bright-red`, `default`.
    public init?(name: String) {
        let names = ["default", "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                     "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                     "bright-magenta", "bright-cyan", "bright-white"]
        guard let index = names.firstIndex(of: name.lowercased()) else { return nil }
        self = TerminalColor.allCases[index]
    }
}

/// Text attributes that work without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)

    /// Parses theme names: `bold`, `underline`, `reverse`, `dim`.
    public init?(name: String) {
        switch name.lowercased() {
        case "bold": self = .bold
        case "underline": self = .underline
        case "reverse": self = .reverse
        case "dim": self = .dim
        default: return nil
        }
    }
}

/// How a cell looks: colours and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
}
