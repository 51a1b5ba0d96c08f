using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// The tsvector PostgreSQL would make of a folded title and body plus facet lexemes —
/// <c>setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body) || facets</c> — in tsvector's binary
/// wire format, so COPY hands it to tsvectorrecv instead of the server running its text-search parser (about three
/// times the cost; on a Chinese or Korean item most of an import's database time). Only for text whose result is
/// certain: every word [a-z0-9]+ or a single Han or Hangul character (the parser keeps such a word whole and 'simple'
/// keeps it as it is) and positions within 16,383 (beyond, PostgreSQL clamps them). Anything else — other scripts, huge
/// texts — is left to to_tsvector. A word's positions are capped as PostgreSQL caps them: to_tsvector keeps the first
/// 255 of each text, and joining title and body keeps the first 256 (long Chinese items hold "的" more often than
/// that; sent to to_tsvector they took a tenth of the server's import time). A test compares both on PostgreSQL
/// (decisions 0026, 0027).
/// </summary>
public static class TsVectorBinary
{
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerText = 255;
    private const int MaxPositionsPerWord = 256;
    private const int MaxWordLength = 2046;
    private const ushort WeightA = 3 << 14;

    /// <summary>The tsvector's bytes, or null when to_tsvector has to make it. Facets are lexemes without positions.</summary>
    public static byte[]? TryBuild(string title, string body, IReadOnlyList<string> facets)
    {
        var words = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        int position = 0, kept = 0;
        if (!Add(lookup, title, ref position, ref kept)) return null;
        // Joining tsvectors shifts the body's positions by the title's highest kept position, not by its word count.
        int titleWords = position = kept;
        if (!Add(lookup, body, ref position, ref kept)) return null;

        // Layout (tsvectorsend): int32 count, then per lexeme its UTF-8 bytes, a NUL, uint16 count of positions and the
        // positions as uint16 with the weight in the top two bits; all big-endian. The server sorts the lexemes.
        int size = 4;
        foreach (var (word, positions) in words) size += Encoding.UTF8.GetByteCount(word) + 3 + 2 * positions.Count;
        foreach (var facet in facets) size += Encoding.UTF8.GetByteCount(facet) + 3;

        var bytes = new byte[size];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, words.Count + facets.Count);
        int at = 4;
        foreach (var (word, positions) in words)
        {
            at = Lexeme(span, at, word, positions.Count);
            foreach (var p in CollectionsMarshal.AsSpan(positions))
            {
                BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)(p <= titleWords ? p | WeightA : p));
                at += 2;
            }
        }
        foreach (var facet in facets) at = Lexeme(span, at, facet, 0);
        return bytes;
    }

    private static int Lexeme(Span<byte> span, int at, string lexeme, int positions)
    {
        at += Encoding.UTF8.GetBytes(lexeme, span[at..]);
        span[at++] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)positions);
        return at + 2;
    }

    /// <summary>
    /// Adds the text's words from <paramref name="position"/> on, each word's positions capped as PostgreSQL caps them;
    /// <paramref name="kept"/> ends as the highest position kept.
    /// </summary>
    private static bool Add(Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> words, string text, ref int position, ref int kept)
    {
        int start = position;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan()[range];
            if (word.Length == 0) continue;
            if (word.Length > MaxWordLength || ++position > MaxPosition || !Certain(word)) return false;
            if (!words.TryGetValue(word, out var positions)) words[word] = positions = [];
            if (positions.Count >= MaxPositionsPerWord) continue;
            if (positions.Count >= MaxPositionsPerText && InText(positions, start) >= MaxPositionsPerText) continue;
            positions.Add(kept = position);
        }
        return true;
    }

    /// <summary>How many of the (ascending) positions belong to the text that started after <paramref name="start"/>.</summary>
    private static int InText(List<int> positions, int start)
    {
        var at = positions.BinarySearch(start + 1);
        return positions.Count - (at < 0 ? ~at : at);
    }

    /// <summary>Whether to_tsvector and to_tsquery keep this folded word as one lexeme, exactly as written.</summary>
    public static bool IsOneLexeme(string word) => word.Length is > 0 and <= MaxWordLength && Certain(word);

    /// <summary>A word the parser reads as one word and 'simple' keeps as written.</summary>
    private static bool Certain(ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && word[0] is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uAC00' and <= '\uD7A3') return true;
        foreach (char c in word)
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9'))) return false;
        return true;
    }
}
