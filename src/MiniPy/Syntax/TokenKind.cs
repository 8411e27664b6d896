namespace MiniPy.Syntax;

/// <summary>The kinds of token the tokenizer produces. Keywords and operators each have their own kind
/// so that the parser can match them with <c>Token.EqualTo</c>.</summary>
internal enum TokenKind
{
    Name, Number, String, FString, Newline, Indent, Dedent, EndMarker,
    // keywords
    False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif, Else, Except,
    Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or, Pass, Raise, Return, Try,
    While, With, Yield,
    // operators and delimiters
    LParen, RParen, LBracket, RBracket, LBrace, RBrace, Colon, Comma, Semicolon, Dot, Ellipsis, Arrow,
    Plus, Minus, Star, Slash, DoubleSlash, Percent, At, DoubleStar, Amp, Pipe, Caret, Tilde,
    LShift, RShift, Less, Greater, LessEqual, GreaterEqual, EqEqual, NotEqual, Assign, Walrus,
    PlusAssign, MinusAssign, StarAssign, SlashAssign, DoubleSlashAssign, PercentAssign, AtAssign,
    DoubleStarAssign, AmpAssign, PipeAssign, CaretAssign, LShiftAssign, RShiftAssign, Exclamation,
}
