using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using Superpower.Model;

namespace MiniPy.Syntax;

/// <summary>Decoding of number and string literal tokens, and the parsing of f-string bodies.</summary>
internal static class Literals
{
    public static ConstantExpr Number(Token<TokenKind> token)
    {
        var text = token.ToStringValue();
        var (line, col) = ParserSupport.Pos(token);
        var clean = text.Replace("_", "");
        if (text.Contains("__") || text.EndsWith('_') || text.Contains("_.") || text.Contains("._"))
            throw ParserSupport.Error("invalid decimal literal", token);
        if (clean.EndsWith('j') || clean.EndsWith('J'))
            throw ParserSupport.Error("complex numbers are not supported by MiniPy", token);
        if (clean.Length > 1 && clean[0] == '0' && char.IsLetter(clean[1]))
        {
            int radix = char.ToLowerInvariant(clean[1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
            var digits = clean.Substring(2);
            if (digits.Length == 0) throw ParserSupport.Error($"invalid {RadixName(radix)} literal", token);
            BigInteger value = BigInteger.Zero;
            foreach (var c in digits)
            {
                int d = HexDigit(c);
                if (d < 0 || d >= radix) throw ParserSupport.Error($"invalid digit '{c}' in {RadixName(radix)} literal", token);
                value = value * radix + d;
            }
            return IntConstant(value, line, col);
        }
        if (clean.Contains('.') || clean.Contains('e') || clean.Contains('E'))
            return new ConstantExpr(ConstantKind.Float, double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture), line, col);
        if (clean.Length > 1 && clean[0] == '0' && clean.Trim('0').Length > 0)
            throw ParserSupport.Error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", token);
        return IntConstant(BigInteger.Parse(clean, CultureInfo.InvariantCulture), line, col);
    }

    private static string RadixName(int radix) => radix switch { 16 => "hexadecimal", 8 => "octal", _ => "binary" };

    private static ConstantExpr IntConstant(BigInteger value, int line, int col) =>
        value >= long.MinValue && value <= long.MaxValue
            ? new ConstantExpr(ConstantKind.Int, (long)value, line, col)
            : new ConstantExpr(ConstantKind.Int, value, line, col);

    internal static int HexDigit(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    /// <summary>Splits a string token into its prefix (lower-cased) and body (between the quotes).</summary>
    public static (string Prefix, string Body, int BodyOffset) Split(string text)
    {
        int q = 0;
        while (text[q] != '\'' && text[q] != '"') q++;
        var prefix = text.Substring(0, q).ToLowerInvariant();
        bool triple = text.Length >= q + 6 && text[q + 1] == text[q] && text[q + 2] == text[q];
        int open = triple ? 3 : 1;
        return (prefix, text.Substring(q + open, text.Length - q - 2 * open), q + open);
    }

    /// <summary>Decodes the escapes of a str literal body; raw bodies are returned as they are.</summary>
    public static string DecodeStr(string body, bool raw, Token<TokenKind> at)
    {
        if (raw || body.IndexOf('\\') < 0) return body;
        var sb = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.Length) { sb.Append(c); continue; }
            char e = body[++i];
            switch (e)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'x': sb.Append((char)ReadHex(body, ref i, 2, at, "\\xXX")); break;
                case 'u': AppendCodePoint(sb, ReadHex(body, ref i, 4, at, "\\uXXXX")); break;
                case 'U': AppendCodePoint(sb, ReadHex(body, ref i, 8, at, "\\UXXXXXXXX")); break;
                case 'N': throw ParserSupport.Error("\\N{...} escapes are not supported by MiniPy", at);
                default:
                    if (e >= '0' && e <= '7')
                    {
                        int v = e - '0', n = 1;
                        while (n < 3 && i + 1 < body.Length && body[i + 1] >= '0' && body[i + 1] <= '7') { v = v * 8 + (body[++i] - '0'); n++; }
                        sb.Append((char)v);
                    }
                    else { sb.Append('\\').Append(e); }
                    break;
            }
        }
        return sb.ToString();
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp > 0x10FFFF) throw new SyntaxErrorException("(unicode error) illegal Unicode character", 0, 0);
        if (cp >= 0xD800 && cp <= 0xDFFF) sb.Append((char)cp);
        else sb.Append(char.ConvertFromUtf32(cp));
    }

    private static int ReadHex(string body, ref int i, int count, Token<TokenKind> at, string form)
    {
        if (i + count >= body.Length + 0 && i + count > body.Length - 1 + 1)
            throw ParserSupport.Error($"(unicode error) 'unicodeescape' codec can't decode bytes: truncated {form} escape", at);
        int v = 0;
        for (int k = 0; k < count; k++)
        {
            int d = i + 1 < body.Length ? HexDigit(body[i + 1]) : -1;
            if (d < 0) throw ParserSupport.Error($"(unicode error) 'unicodeescape' codec can't decode bytes: truncated {form} escape", at);
            v = v * 16 + d;
            i++;
        }
        return v;
    }

    public static byte[] DecodeBytes(string body, bool raw, Token<TokenKind> at)
    {
        var bytes = new List<byte>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c > 127) throw ParserSupport.Error("bytes can only contain ASCII literal characters", at);
            if (c != '\\' || raw || i + 1 >= body.Length) { bytes.Add((byte)c); continue; }
            char e = body[++i];
            switch (e)
            {
                case '\n': break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case '"': bytes.Add((byte)'"'); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case 'x': bytes.Add((byte)ReadHex(body, ref i, 2, at, "\\xXX")); break;
                default:
                    if (e >= '0' && e <= '7')
                    {
                        int v = e - '0', n = 1;
                        while (n < 3 && i + 1 < body.Length && body[i + 1] >= '0' && body[i + 1] <= '7') { v = v * 8 + (body[++i] - '0'); n++; }
                        bytes.Add((byte)(v & 0xFF));
                    }
                    else { bytes.Add((byte)'\\'); bytes.Add((byte)e); }
                    break;
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Parses the body of an f-string into literal parts and replacement fields.</summary>
    public static List<Expr> FString(string body, bool raw, Token<TokenKind> at, Func<string, int, Expr> parseExpression)
    {
        var parts = new List<Expr>();
        var (line, col) = ParserSupport.Pos(at);
        var literal = new StringBuilder();
        int i = 0;
        void FlushLiteral()
        {
            if (literal.Length > 0)
                parts.Add(new ConstantExpr(ConstantKind.Str, DecodeStr(literal.ToString(), raw, at), line, col));
            literal.Clear();
        }
        while (i < body.Length)
        {
            char c = body[i];
            if (c == '{' && i + 1 < body.Length && body[i + 1] == '{') { literal.Append('{'); i += 2; continue; }
            if (c == '}' && i + 1 < body.Length && body[i + 1] == '}') { literal.Append('}'); i += 2; continue; }
            if (c == '}') throw ParserSupport.Error("f-string: single '}' is not allowed", at);
            if (c == '\\' && !raw && i + 1 < body.Length) { literal.Append(c).Append(body[i + 1]); i += 2; continue; }
            if (c != '{') { literal.Append(c); i++; continue; }
            FlushLiteral();
            i++;
            int exprStart = i;
            int end = ScanField(body, i, out char stop, at);
            var exprText = body.Substring(exprStart, end - exprStart);
            if (exprText.Trim().Length == 0) throw ParserSupport.Error("f-string: valid expression required before '}'", at);
            i = end;
            bool debug = false;
            if (stop == '=')
            {
                debug = true;
                i++;
                while (i < body.Length && char.IsWhiteSpace(body[i])) i++;
                stop = i < body.Length ? body[i] : '\0';
            }
            int lineOffset = CountLines(body, exprStart);
            var expr = parseExpression(exprText, line + lineOffset);
            char conversion = '\0';
            if (stop == '!')
            {
                if (i + 1 >= body.Length) throw ParserSupport.Error("f-string: missing conversion character", at);
                conversion = body[i + 1];
                if (conversion != 'r' && conversion != 's' && conversion != 'a')
                    throw ParserSupport.Error($"f-string: invalid conversion character '{conversion}': expected 's', 'r', or 'a'", at);
                i += 2;
                stop = i < body.Length ? body[i] : '\0';
            }
            Expr? spec = null;
            if (stop == ':')
            {
                i++;
                int specStart = i, depth = 0;
                while (i < body.Length)
                {
                    if (body[i] == '{') depth++;
                    else if (body[i] == '}') { if (depth == 0) break; depth--; }
                    i++;
                }
                var specParts = FString(body.Substring(specStart, i - specStart), raw, at, parseExpression);
                spec = new JoinedStrExpr(specParts, line, col);
                stop = i < body.Length ? body[i] : '\0';
            }
            if (stop != '}') throw ParserSupport.Error("f-string: expecting '}'", at);
            i++;
            if (debug)
            {
                // f"{x = }" prints the expression's text, the '=' and the spaces around it, then the value.
                parts.Add(new ConstantExpr(ConstantKind.Str, body.Substring(exprStart, end + 1 - exprStart) + TrailingSpace(body, end + 1), line, col));
                if (conversion == '\0' && spec is null) conversion = 'r';
            }
            parts.Add(new FormattedValueExpr(expr, conversion, spec, line, col));
        }
        FlushLiteral();
        return parts;
    }

    private static string TrailingSpace(string body, int p)
    {
        int q = p;
        while (q < body.Length && char.IsWhiteSpace(body[q])) q++;
        return body.Substring(p, q - p);
    }

    private static int CountLines(string s, int upTo)
    {
        int n = 0;
        for (int k = 0; k < upTo; k++) if (s[k] == '\n') n++;
        return n;
    }

    /// <summary>Finds the end of a replacement field's expression: the first top-level '!', ':', '=' (debug) or '}'.</summary>
    private static int ScanField(string body, int i, out char stop, Token<TokenKind> at)
    {
        int depth = 0;
        while (i < body.Length)
        {
            char c = body[i];
            if (c == '\'' || c == '"')
            {
                char q = c;
                bool triple = i + 2 < body.Length && body[i + 1] == q && body[i + 2] == q;
                i += triple ? 3 : 1;
                while (i < body.Length)
                {
                    if (body[i] == '\\') { i += 2; continue; }
                    if (body[i] == q && (!triple || i + 2 < body.Length && body[i + 1] == q && body[i + 2] == q)) { i += triple ? 3 : 1; break; }
                    i++;
                }
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']') && depth > 0) depth--;
            else if (c == '}')
            {
                if (depth == 0) { stop = c; return i; }
                depth--;
            }
            else if (depth == 0)
            {
                if (c == '!' && !(i + 1 < body.Length && body[i + 1] == '=')) { stop = c; return i; }
                if (c == ':') { stop = c; return i; }
                if (c == '=' && i + 1 < body.Length && body[i + 1] != '=' && i > 0 && "=!<>".IndexOf(body[i - 1]) < 0) { stop = c; return i; }
            }
            i++;
        }
        throw ParserSupport.Error("f-string: expecting '}'", at);
    }
}
