using System.Collections.Frozen;
using System.Collections.Generic;
using Superpower;
using Superpower.Model;

namespace MiniPy.Syntax;

/// <summary>
/// Python's lexical rules as a Superpower tokenizer. A NEWLINE token covers the line break together with
/// any blank or comment-only lines after it and the indentation of the next logical line; the
/// <see cref="LineStructure"/> pass turns those into INDENT and DEDENT tokens, which are zero-width and
/// so cannot come out of a Superpower tokenizer directly.
/// </summary>
internal sealed class PythonTokenizer : Tokenizer<TokenKind>
{
    private static readonly FrozenDictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>
    {
        ["False"] = TokenKind.False, ["None"] = TokenKind.None, ["True"] = TokenKind.True, ["and"] = TokenKind.And,
        ["as"] = TokenKind.As, ["assert"] = TokenKind.Assert, ["async"] = TokenKind.Async, ["await"] = TokenKind.Await,
        ["break"] = TokenKind.Break, ["class"] = TokenKind.Class, ["continue"] = TokenKind.Continue,
        ["def"] = TokenKind.Def, ["del"] = TokenKind.Del, ["elif"] = TokenKind.Elif, ["else"] = TokenKind.Else,
        ["except"] = TokenKind.Except, ["finally"] = TokenKind.Finally, ["for"] = TokenKind.For,
        ["from"] = TokenKind.From, ["global"] = TokenKind.Global, ["if"] = TokenKind.If, ["import"] = TokenKind.Import,
        ["in"] = TokenKind.In, ["is"] = TokenKind.Is, ["lambda"] = TokenKind.Lambda, ["nonlocal"] = TokenKind.Nonlocal,
        ["not"] = TokenKind.Not, ["or"] = TokenKind.Or, ["pass"] = TokenKind.Pass, ["raise"] = TokenKind.Raise,
        ["return"] = TokenKind.Return, ["try"] = TokenKind.Try, ["while"] = TokenKind.While, ["with"] = TokenKind.With,
        ["yield"] = TokenKind.Yield,
    }.ToFrozenDictionary();

    // Longest operators first so that a prefix never wins over the whole operator.
    private static readonly (string Text, TokenKind Kind)[] Operators =
    {
        ("**=", TokenKind.DoubleStarAssign), ("//=", TokenKind.DoubleSlashAssign), (">>=", TokenKind.RShiftAssign),
        ("<<=", TokenKind.LShiftAssign), ("...", TokenKind.Ellipsis), ("->", TokenKind.Arrow), (":=", TokenKind.Walrus),
        ("**", TokenKind.DoubleStar), ("//", TokenKind.DoubleSlash), ("<<", TokenKind.LShift), (">>", TokenKind.RShift),
        ("<=", TokenKind.LessEqual), (">=", TokenKind.GreaterEqual), ("==", TokenKind.EqEqual), ("!=", TokenKind.NotEqual),
        ("+=", TokenKind.PlusAssign), ("-=", TokenKind.MinusAssign), ("*=", TokenKind.StarAssign), ("/=", TokenKind.SlashAssign),
        ("%=", TokenKind.PercentAssign), ("&=", TokenKind.AmpAssign), ("|=", TokenKind.PipeAssign), ("^=", TokenKind.CaretAssign),
        ("@=", TokenKind.AtAssign), ("(", TokenKind.LParen), (")", TokenKind.RParen), ("[", TokenKind.LBracket),
        ("]", TokenKind.RBracket), ("{", TokenKind.LBrace), ("}", TokenKind.RBrace), (":", TokenKind.Colon),
        (",", TokenKind.Comma), (";", TokenKind.Semicolon), (".", TokenKind.Dot), ("+", TokenKind.Plus),
        ("-", TokenKind.Minus), ("*", TokenKind.Star), ("/", TokenKind.Slash), ("%", TokenKind.Percent), ("@", TokenKind.At),
        ("&", TokenKind.Amp), ("|", TokenKind.Pipe), ("^", TokenKind.Caret), ("~", TokenKind.Tilde), ("<", TokenKind.Less),
        (">", TokenKind.Greater), ("=", TokenKind.Assign), ("!", TokenKind.Exclamation),
    };

    /// <summary>Tokenizes a whole module: Superpower's pass, then the line-structure pass.</summary>
    public static TokenList<TokenKind> TokenizeModule(string source)
    {
        var raw = new PythonTokenizer().Tokenize(source);
        return LineStructure.Apply(source, raw);
    }

    protected override IEnumerable<Result<TokenKind>> Tokenize(TextSpan span)
    {
        var scanner = new Scanner(span.Source!);
        while (true)
        {
            var token = scanner.Next();
            if (token is null)
                yield break;
            var (kind, start, length) = token.Value;
            yield return Result.Value(kind, scanner.Span(start, length), scanner.Span(start + length, 0));
        }
    }

    internal static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || c > 127 && char.IsLetterOrDigit(c);
    internal static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>A hand-written scanner over the source text; it tracks lines and columns for the spans.</summary>
    /// <summary>CPython's limit on bracket nesting (MAXLEVEL in its tokenizer).</summary>
    private const int MaxNesting = 200;
    /// <summary>CPython's limit on f-strings nested in each other's replacement fields.</summary>
    private const int MaxFStringNesting = 149;

    private sealed class Scanner
    {
        private readonly string _src;
        private int _pos;
        private readonly List<int> _lineStarts = new() { 0 };
        private int _bracketDepth;

        public Scanner(string src)
        {
            _src = src;
            for (int i = 0; i < src.Length; i++)
                if (src[i] == '\n')
                    _lineStarts.Add(i + 1);
        }

        public TextSpan Span(int start, int length)
        {
            var (line, col) = LineCol(start);
            return new TextSpan(_src, new Position(start, line, col), System.Math.Min(length, _src.Length - start));
        }

        private (int Line, int Column) LineCol(int offset)
        {
            int lo = 0, hi = _lineStarts.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (_lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
            }
            return (lo + 1, offset - _lineStarts[lo] + 1);
        }

        private SyntaxErrorException Error(string message, int offset)
        {
            var (line, col) = LineCol(offset);
            return new SyntaxErrorException(message, line, col);
        }

        private char Peek(int ahead = 0) => _pos + ahead < _src.Length ? _src[_pos + ahead] : '\0';

        public (TokenKind, int, int)? Next()
        {
            // Skip spaces, tabs, form feeds, comments and backslash continuations.
            while (_pos < _src.Length)
            {
                char c = _src[_pos];
                if (c == ' ' || c == '\t' || c == '\f' || c == '\r')
                    _pos++;
                else if (c == '#')
                {
                    while (_pos < _src.Length && _src[_pos] != '\n') _pos++;
                }
                else if (c == '\\')
                {
                    int p = _pos + 1;
                    if (p < _src.Length && _src[p] == '\r') p++;
                    if (p < _src.Length && _src[p] == '\n')
                        _pos = p + 1;
                    else if (p >= _src.Length)
                        throw Error("unexpected EOF while parsing", _pos);
                    else
                        throw Error("unexpected character after line continuation character", _pos);
                }
                else if (c == '\n' && _bracketDepth > 0)
                    _pos++;
                else
                    break;
            }
            if (_pos >= _src.Length)
                return null;
            int start = _pos;
            char ch = _src[_pos];
            if (ch == '\n')
                return (TokenKind.Newline, start, ScanNewline() - start);
            if (char.IsDigit(ch) || ch == '.' && char.IsDigit(Peek(1)))
                return (TokenKind.Number, start, ScanNumber() - start);
            if (IsIdentifierStart(ch))
            {
                int p = _pos;
                while (p < _src.Length && IsIdentifierChar(_src[p])) p++;
                int prefixEnd = p;
                if (prefixEnd < _src.Length && (_src[prefixEnd] == '"' || _src[prefixEnd] == '\'') && IsStringPrefix(_src.Substring(start, prefixEnd - start)))
                {
                    bool isF = _src.Substring(start, prefixEnd - start).ToLowerInvariant().Contains('f');
                    bool isRaw = _src.Substring(start, prefixEnd - start).ToLowerInvariant().Contains('r');
                    _pos = ScanString(prefixEnd, isF, isRaw, isF ? 1 : 0);
                    return (isF ? TokenKind.FString : TokenKind.String, start, _pos - start);
                }
                _pos = p;
                var word = _src.Substring(start, p - start);
                return (Keywords.TryGetValue(word, out var kw) ? kw : TokenKind.Name, start, p - start);
            }
            if (ch == '"' || ch == '\'')
            {
                _pos = ScanString(_pos, false, false, 0);
                return (TokenKind.String, start, _pos - start);
            }
            foreach (var (text, kind) in Operators)
            {
                if (string.CompareOrdinal(_src, _pos, text, 0, text.Length) == 0)
                {
                    _pos += text.Length;
                    if (kind is TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace && ++_bracketDepth > MaxNesting)
                        throw Error("too many nested parentheses", start);
                    else if (kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace && _bracketDepth > 0) _bracketDepth--;
                    return (kind, start, text.Length);
                }
            }
            if (ch == '$' || ch == '?' || ch == '`')
                throw Error("invalid syntax", start);
            throw Error($"invalid character '{ch}' (U+{(int)ch:X4})", start);
        }

        private static bool IsStringPrefix(string p)
        {
            switch (p.ToLowerInvariant())
            {
                case "r": case "u": case "b": case "f": case "br": case "rb": case "fr": case "rf": return true;
                default: return false;
            }
        }

        /// <summary>A newline, then every following blank or comment-only line, then the next line's indentation.</summary>
        private int ScanNewline()
        {
            _pos++;
            int lineStart = _pos;
            while (_pos < _src.Length)
            {
                char c = _src[_pos];
                if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { _pos++; continue; }
                if (c == '#')
                {
                    while (_pos < _src.Length && _src[_pos] != '\n') _pos++;
                    continue;
                }
                if (c == '\n') { _pos++; lineStart = _pos; continue; }
                if (c == '\\' && _pos + 1 < _src.Length && _src[_pos + 1] == '\n') break;
                break;
            }
            // The token ends where the indentation of the next logical line ends.
            int end = lineStart;
            while (end < _src.Length && (_src[end] == ' ' || _src[end] == '\t' || _src[end] == '\f')) end++;
            _pos = end;
            return end;
        }

        private int ScanNumber()
        {
            int p = _pos;
            if (_src[p] == '0' && p + 1 < _src.Length && "xXoObB".IndexOf(_src[p + 1]) >= 0)
            {
                p += 2;
                while (p < _src.Length && (char.IsAsciiLetterOrDigit(_src[p]) || _src[p] == '_')) p++;
                _pos = p;
                return p;
            }
            while (p < _src.Length && (char.IsDigit(_src[p]) || _src[p] == '_')) p++;
            if (p < _src.Length && _src[p] == '.' && !(p + 1 < _src.Length && _src[p + 1] == '.' && p + 2 < _src.Length && _src[p + 2] == '.'))
            {
                p++;
                while (p < _src.Length && (char.IsDigit(_src[p]) || _src[p] == '_')) p++;
            }
            if (p < _src.Length && (_src[p] == 'e' || _src[p] == 'E'))
            {
                int q = p + 1;
                if (q < _src.Length && (_src[q] == '+' || _src[q] == '-')) q++;
                if (q < _src.Length && char.IsDigit(_src[q]))
                {
                    p = q;
                    while (p < _src.Length && (char.IsDigit(_src[p]) || _src[p] == '_')) p++;
                }
            }
            if (p < _src.Length && (_src[p] == 'j' || _src[p] == 'J'))
                p++;
            if (p < _src.Length && IsIdentifierChar(_src[p]))
                throw Error("invalid decimal literal", _pos);
            _pos = p;
            return p;
        }

        /// <summary>Scans a string literal whose opening quote is at <paramref name="q"/>; returns the offset after it.
        /// In an f-string, replacement fields may hold nested strings with any quotes (as in Python 3.12);
        /// <paramref name="fStringLevel"/> counts the f-strings this one is nested in (itself included), and
        /// more than CPython's 149 is refused as CPython refuses it.</summary>
        private int ScanString(int q, bool isF, bool isRaw, int fStringLevel)
        {
            if (fStringLevel > MaxFStringNesting) throw Error("too many nested f-strings", q);
            char quote = _src[q];
            bool triple = q + 2 < _src.Length && _src[q + 1] == quote && _src[q + 2] == quote;
            int p = q + (triple ? 3 : 1);
            int depth = 0;
            while (true)
            {
                if (p >= _src.Length)
                    throw Error(triple ? "unterminated triple-quoted string literal (detected at line " + LineCol(_src.Length).Line + ")"
                                       : "unterminated string literal (detected at line " + LineCol(q).Line + ")", q);
                char c = _src[p];
                if (depth > 0)
                {
                    if (c == '\'' || c == '"')
                    {
                        bool nestedF = p > 0 && (_src[p - 1] == 'f' || _src[p - 1] == 'F');
                        p = ScanString(p, nestedF, false, fStringLevel + (nestedF ? 1 : 0));
                        continue;
                    }
                    if (c == '{' || c == '[' || c == '(') depth++;
                    else if (c == '}' || c == ']' || c == ')') depth--;
                    else if (c == '\n' && !triple)
                        throw Error("unterminated string literal (detected at line " + LineCol(q).Line + ")", q);
                    p++;
                    continue;
                }
                if (c == '\\' && !isRaw) { p += 2; continue; }
                if (c == '\\' && isRaw) { p += 2; continue; }
                if (c == '\n' && !triple)
                    throw Error("unterminated string literal (detected at line " + LineCol(q).Line + ")", q);
                if (isF && c == '{')
                {
                    if (p + 1 < _src.Length && _src[p + 1] == '{') { p += 2; continue; }
                    depth = 1;
                    p++;
                    continue;
                }
                if (c == quote)
                {
                    if (!triple) return p + 1;
                    if (p + 2 < _src.Length && _src[p + 1] == quote && _src[p + 2] == quote) return p + 3;
                }
                p++;
            }
        }
    }
}
