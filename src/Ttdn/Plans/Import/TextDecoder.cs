using System.Text;
using Ttdn.Shared;

namespace Ttdn.Plans.Import;

/// <summary>
/// Turns the bytes of a text file into NFC text and names the encoding it found: a byte-order mark decides first;
/// then valid UTF-8 wins (it almost never happens by accident for Vietnamese); otherwise each legacy Vietnamese
/// encoding decodes the bytes and the one producing the most well-formed Vietnamese syllables is taken.
/// </summary>
public static class TextDecoder
{
    public sealed record Decoded(string Text, string Encoding);

    public static Decoded Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF])) return Utf8(bytes.AsSpan(3), "UTF-8 (BOM)");
        if (bytes.AsSpan().StartsWith((byte[])[0xFF, 0xFE])) return new(Nfc(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2)), "UTF-16 LE");
        if (bytes.AsSpan().StartsWith((byte[])[0xFE, 0xFF])) return new(Nfc(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)), "UTF-16 BE");
        if (Utf16WithoutMark(bytes) is { } utf16) return utf16;
        if (LooksBinary(bytes))
            throw new DomainException("Tệp này không phải văn bản (có byte nhị phân): hãy tải lên tệp .txt, .md hoặc .docx. (This is a binary file, not text or DOCX.)");
        try
        {
            return Utf8(bytes, "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            var candidates = new[]
            {
                new Decoded(Nfc(CodePages.Get(1258).GetString(bytes)), "Windows-1258"),
                new Decoded(Nfc(LegacyVietnamese.DecodeTcvn3(bytes)), "TCVN3 (ABC)"),
                new Decoded(LegacyVietnamese.DecodeVni(bytes), "VNI Windows"),
            };
            return candidates.MaxBy(c => SyllableScore(c.Text))!;
        }
    }

    private static Decoded Utf8(ReadOnlySpan<byte> bytes, string name)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var nfc = Nfc(text);
        return new(nfc, nfc.Length != text.Length || !string.Equals(nfc, text, StringComparison.Ordinal) ? name + ", NFD" : name);
    }

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    /// <summary>UTF-16 saved without a byte-order mark shows as a zero byte in every other position of ASCII text.</summary>
    private static Decoded? Utf16WithoutMark(byte[] bytes)
    {
        int sample = Math.Min(bytes.Length, 4096) & ~1;
        if (sample < 4) return null;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        int pairs = sample / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return new(Nfc(Encoding.Unicode.GetString(bytes)), "UTF-16 LE");
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return new(Nfc(Encoding.BigEndianUnicode.GetString(bytes)), "UTF-16 BE");
        return null;
    }

    private static bool LooksBinary(byte[] bytes)
    {
        int sample = Math.Min(bytes.Length, 8192), controls = 0;
        for (int i = 0; i < sample; i++)
        {
            byte b = bytes[i];
            if (b == 0) return true;
            if (b < 0x20 && b is not (9 or 10 or 12 or 13)) controls++;
        }
        return controls > sample / 100 + 1;
    }

    private const string Toned = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
    private const string Untoned = "ăâêôơưđ";

    /// <summary>Well-formed Vietnamese words with diacritics count for a decoding, impossible ones against it.</summary>
    public static int SyllableScore(string text)
    {
        int score = 0;
        foreach (var word in text.Split([' ', '\n', '\r', '\t', ',', '.', ';', ':', '(', ')', '"', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            bool marked = false, bad = false;
            int tones = 0;
            foreach (var ch in word)
            {
                char c = char.ToLowerInvariant(ch);
                if (c is >= 'a' and <= 'z' || char.IsDigit(c)) continue;
                if (Toned.Contains(c)) { tones++; marked = true; }
                else if (Untoned.Contains(c)) marked = true;
                else bad = true;
            }
            if (bad || tones > 1) score -= 2;
            else if (marked) score++;
        }
        return score;
    }
}
