using System.Text;
using Ttdn.Shared;

namespace Ttdn.Plans.Import;

/// <summary>
/// Turns the bytes of a text file into NFC text and names the encoding it found: a byte-order mark decides first;
/// then valid UTF-8 wins (it almost never happens by accident for Vietnamese); otherwise each legacy Vietnamese
/// encoding decodes the bytes and the one producing the most well-formed Vietnamese syllables is taken.
/// </summary>
public static partial class TextDecoder
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

    /// <summary>
    /// Well-formed Vietnamese syllables with diacritics count for a decoding, impossible ones against it. Wrong legacy decodings
    /// still produce letters, but in shapes no syllable has ("Vieọt", "Thaựi"): the check is the syllable's structure, onset +
    /// vowel group + final consonant, on its folded form.
    /// </summary>
    public static int SyllableScore(string text)
    {
        int score = 0;
        foreach (var word in text.Split([' ', '\n', '\r', '\t', ',', '.', ';', ':', '(', ')', '"', '-', '/', '“', '”', '!', '?'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(c => c < 0x80)) continue;
            var folded = Ttdn.Vietnamese.Text.VietnameseText.Fold(word);
            score += folded.All(c => c is >= 'a' and <= 'z') && Syllable().IsMatch(folded) && Tones(word) <= 1 ? 1 : -2;
        }
        return score;
    }

    private const string Toned = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";

    private static int Tones(string word) => word.Count(c => Toned.Contains(char.ToLowerInvariant(c)));

    [System.Text.RegularExpressions.GeneratedRegex("^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|q|r|s|t|v|x)?(ieu|yeu|oai|oay|oao|oeo|uoi|uou|uya|uye|uyu|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|a|e|i|o|u|y)(ch|ng|nh|c|m|n|p|t)?$")]
    private static partial System.Text.RegularExpressions.Regex Syllable();
}
