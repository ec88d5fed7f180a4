using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HfSpaces.Generators;

/// <summary>
/// A small, strict JSON reader (RFC 8259) producing dictionaries, lists, strings, doubles, booleans and nulls.
/// An analyzer assembly cannot carry System.Text.Json, and the spec is small, so this is all the generator needs.
/// </summary>
internal sealed class MiniJson
{
    private readonly string _text;
    private int _position;

    private MiniJson(string text) => _text = text;

    /// <summary>Parses a whole document; throws <see cref="FormatException"/> naming the line and column of the first error.</summary>
    public static object? Parse(string text)
    {
        var reader = new MiniJson(text);
        reader.SkipWhitespace();
        var value = reader.ReadValue(depth: 0);
        reader.SkipWhitespace();
        if (reader._position != text.Length)
        {
            throw reader.Error("unexpected text after the end of the document");
        }

        return value;
    }

    private object? ReadValue(int depth)
    {
        if (depth > 256)
        {
            throw Error("nesting deeper than 256 levels");
        }

        if (_position >= _text.Length)
        {
            throw Error("unexpected end of the document");
        }

        switch (_text[_position])
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"': return ReadString();
            case 't': ReadLiteral("true"); return true;
            case 'f': ReadLiteral("false"); return false;
            case 'n': ReadLiteral("null"); return null;
            default: return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name");
            }

            var key = ReadString();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            result[key] = ReadValue(depth + 1);
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                return result;
            }

            if (next != ',')
            {
                _position--;
                throw Error("expected ',' or '}'");
            }
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var result = new List<object?>();
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            result.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                return result;
            }

            if (next != ',')
            {
                _position--;
                throw Error("expected ',' or ']'");
            }
        }
    }

    private string ReadString()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                _position--;
                throw Error("control character in string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var escape = _position < _text.Length ? _text[_position++] : '\0';
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("invalid \\u escape");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    _position--;
                    throw Error("invalid escape sequence");
            }
        }
    }

    private double ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        if (start == _position
            || !double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _position = start;
            throw Error("unexpected character");
        }

        return value;
    }

    private void ReadLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error("unexpected character");
        }

        _position += literal.Length;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private FormatException Error(string reason)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < _position && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new FormatException($"{reason} at line {line}, column {column}");
    }
}
