using System.Text;

namespace Ttdn.Plans.Import;

/// <summary>
/// Decoders for the two pre-Unicode Vietnamese encodings still found in provincial archives. Written from the
/// published tables: TCVN 5712:1993 VN3 ("ABC", one byte per precomposed lower-case letter; upper-case toned letters
/// only existed as an upper-case font over the same bytes, so they decode as lower case) and VNI Windows (a base
/// letter followed by one byte carrying its marks). Bytes outside the tables fall back to Windows-1252.
/// </summary>
public static class LegacyVietnamese
{
    private static readonly Encoding Fallback = CodePages.Get(1252);

    // TCVN3: byte → letter. Order of the letter strings follows the tone order grave, hook, tilde, acute, dot below.
    private static readonly Dictionary<byte, char> Tcvn3Table = BuildTcvn3();

    private static Dictionary<byte, char> BuildTcvn3()
    {
        var t = new Dictionary<byte, char>();
        void Put(int first, string letters) { for (int i = 0; i < letters.Length; i++) t[(byte)(first + i)] = letters[i]; }
        Put(0xA1, "ĂÂÊÔƠƯĐăâêôơưđ");
        Put(0xB5, "àảãáạ");
        Put(0xBB, "ằẳẵắ");
        t[0xC6] = 'ặ';
        Put(0xC7, "ầẩẫấậ");
        t[0xCC] = 'è';
        Put(0xCE, "ẻẽéẹ");
        Put(0xD2, "ềểễếệ");
        Put(0xD7, "ìỉ");
        Put(0xDC, "ĩíị");
        t[0xDF] = 'ò';
        Put(0xE1, "ỏõóọ");
        Put(0xE5, "ồổỗốộ");
        Put(0xEA, "ờởỡớợ");
        t[0xEF] = 'ù';
        Put(0xF1, "ủũúụ");
        Put(0xF5, "ừửữứự");
        Put(0xFA, "ỳỷỹýỵ");
        return t;
    }

    public static string DecodeTcvn3(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b < 0x80) sb.Append((char)b);
            else if (Tcvn3Table.TryGetValue(b, out var c)) sb.Append(c);
            else sb.Append(Fallback.GetString([b]));
        }
        return sb.ToString();
    }

    // VNI: bytes that stand for a whole letter.
    private static readonly Dictionary<byte, char> VniLetters = new()
    {
        [0xF4] = 'ơ', [0xD4] = 'Ơ', [0xF6] = 'ư', [0xD6] = 'Ư', [0xF1] = 'đ', [0xD1] = 'Đ',
        [0xEC] = 'ì', [0xCC] = 'Ì', [0xED] = 'í', [0xCD] = 'Í', [0xE6] = 'ỉ', [0xC6] = 'Ỉ',
        [0xF3] = 'ĩ', [0xD3] = 'Ĩ', [0xF2] = 'ị', [0xD2] = 'Ị', [0xEE] = 'ỵ', [0xCE] = 'Ỵ',
    };

    private const string Grave = "\u0300", Acute = "\u0301", Hook = "\u0309", Tilde = "\u0303", Dot = "\u0323";
    private const string Circumflex = "\u0302", Breve = "\u0306";

    // VNI: bytes that follow a vowel and add its marks (lower- and upper-case forms carry the same marks).
    private static readonly Dictionary<byte, string> VniMarks = BuildVniMarks();

    private static Dictionary<byte, string> BuildVniMarks()
    {
        var m = new Dictionary<byte, string>();
        void Both(byte lower, string marks) { m[lower] = marks; m[(byte)(lower - 0x20)] = marks; }
        Both(0xF8, Grave); Both(0xF9, Acute); Both(0xFB, Hook); Both(0xF5, Tilde); Both(0xEF, Dot);
        Both(0xE2, Circumflex); Both(0xE0, Circumflex + Grave); Both(0xE1, Circumflex + Acute);
        Both(0xE5, Circumflex + Hook); Both(0xE3, Circumflex + Tilde); Both(0xE4, Circumflex + Dot);
        Both(0xEA, Breve); Both(0xE8, Breve + Grave); Both(0xE9, Breve + Acute);
        Both(0xFA, Breve + Hook); Both(0xFC, Breve + Tilde); Both(0xEB, Breve + Dot);
        return m;
    }

    public static string DecodeVni(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b < 0x80) { sb.Append((char)b); continue; }
            char previous = sb.Length > 0 ? sb[^1] : '\0';
            if (VniMarks.TryGetValue(b, out var marks) && TakesMarks(previous))
            {
                sb.Append(marks);
                continue;
            }
            if (VniLetters.TryGetValue(b, out var letter)) sb.Append(letter);
            else sb.Append(Fallback.GetString([b]));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool TakesMarks(char c) => "aeiouyAEIOUYơưƠƯ".Contains(c);
}

/// <summary>The code-page encodings .NET ships but does not register by default (Windows-1252, Windows-1258).</summary>
public static class CodePages
{
    private static readonly Lazy<bool> Registered = new(() => { Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); return true; });

    public static Encoding Get(int codePage)
    {
        _ = Registered.Value;
        return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
