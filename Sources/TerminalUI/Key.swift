/// A key (or key combination) the person pressed, independent of the terminal library.
public enum Key: Sendable, Hashable {
    /// A printable character (a scalar from the terminal; combining marks arrive on their own).
    case character(Character)
    /// Enter / Return: send.
    case enter
    /// Alt-Enter or Ctrl-J: a newline in the message.
    case newline
    case backspace
    case delete
    case left
    case right
    case up
    case down
    case wordLeft
    case wordRight
    case home
    case end
    case pageUp
    case pageDown
    case tab
    case escape
    /// A function key, F1…F12.
    case function(Int)
    /// Ctrl plus a letter (lowercase), other than those with their own case.
    case control(Character)
    /// Alt plus a character.
    case alt(Character)
}
