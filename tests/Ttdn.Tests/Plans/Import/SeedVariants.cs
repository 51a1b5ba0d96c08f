using System.Text;
using Ttdn.Plans.Import;

namespace Ttdn.Tests.Plans.Import;

/// <summary>
/// The seed plan and the same text in other encodings, built here from the published tables (independently of the importer's
/// decoders): Windows-1258 (base letters + combining tone bytes), TCVN3 (one byte per lower-case letter) and VNI (letter + mark bytes).
/// </summary>
internal static class SeedVariants
{
    public const string SeedName = "004_88f8ee31d7dc3369.txt";

    public static string SeedPath(string name = SeedName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds", name);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new FileNotFoundException($"Seed {name} not found above {AppContext.BaseDirectory} (expected <repo>/../shared/seeds).");
    }

    public static string SeedText => File.ReadAllText(SeedPath(), Encoding.UTF8);

    public static ImportResult Import(byte[] bytes, string name = "ke-hoach.txt") => PlanImporter.Import(new MemoryStream(bytes), name);

    // Windows-1258 keeps some letters precomposed (â, ê, ô, ơ, ư, ă, đ and a few toned ones); the rest is base + a tone byte.
    public static byte[] Windows1258(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var output = new List<byte>();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            try
            {
                output.AddRange(cp.GetBytes(c.ToString()));
            }
            catch (EncoderFallbackException)
            {
                var d = c.ToString().Normalize(NormalizationForm.FormD);
                var letter = (d[0] + string.Concat(d.Skip(1).Where(m => m is '\u0302' or '\u0306' or '\u031B'))).Normalize(NormalizationForm.FormC);
                var tones = string.Concat(d.Skip(1).Where(m => m is not ('\u0302' or '\u0306' or '\u031B')));
                output.AddRange(cp.GetBytes(letter + tones));
            }
        }
        return [.. output];
    }

    // TCVN3 (TCVN 5712:1993 VN3), the ABC keyboard's encoding: bytes A1..FE. Capital toned letters do not exist (they were drawn by
    // a capitals font over the lower-case bytes), so they are written lower case, as such files are.
    private const string Tcvn3Letters =
        "ĂÂÊÔƠƯĐăâêôơưđ" + "àảãáạ" + "ằẳẵắ" + "ặ" + "ầẩẫấậ" + "è" + "ẻẽéẹ" + "ềểễếệ" + "ìỉ" + "ĩíị" + "ò" + "ỏõóọ" + "ồổỗốộ" + "ờởỡớợ" + "ù" + "ủũúụ" + "ừửữứự" + "ỳỷỹýỵ";
    private static readonly int[] Tcvn3Bytes =
    [
        0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE,
        0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1,
        0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9,
        0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
    ];

    public static byte[] Tcvn3(string text)
    {
        Assert.Equal(Tcvn3Letters.Length, Tcvn3Bytes.Length);
        var output = new List<byte>();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            int i = Tcvn3Letters.IndexOf(ch);
            if (i < 0 && ch > 0x7F) i = Tcvn3Letters.IndexOf(char.ToLowerInvariant(ch));
            if (i >= 0) output.Add((byte)Tcvn3Bytes[i]);
            else output.AddRange(Encoding.Latin1.GetBytes(Printable(ch)));
        }
        return [.. output];
    }

    // VNI Windows: ơ ư đ and the toned i / ỵ are single bytes; other letters are the base letter followed by a mark byte.
    public static byte[] Vni(string text)
    {
        var output = new List<byte>();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (ch < 0x80) { output.Add((byte)ch); continue; }
            bool upper = char.IsUpper(ch);
            var d = char.ToLowerInvariant(ch).ToString().Normalize(NormalizationForm.FormD);
            char b = d[0];
            bool hat = d.Contains('\u0302'), breve = d.Contains('\u0306'), horn = d.Contains('\u031B');
            char tone = d.FirstOrDefault(m => m is '\u0300' or '\u0301' or '\u0309' or '\u0303' or '\u0323');
            int U(int lower) => upper ? lower - 0x20 : lower;
            if (ch is 'đ' or 'Đ') { output.Add((byte)U(0xF1)); continue; }
            if (b == 'i' && tone != default)
            {
                output.Add((byte)U(tone switch { '\u0300' => 0xEC, '\u0301' => 0xED, '\u0309' => 0xE6, '\u0303' => 0xF3, _ => 0xF2 }));
                continue;
            }
            if (b == 'y' && tone == '\u0323') { output.Add((byte)U(0xEE)); continue; }
            if (horn) output.Add((byte)U(b == 'o' ? 0xF4 : 0xF6));
            else if (b is >= 'a' and <= 'z') output.Add((byte)(upper ? char.ToUpperInvariant(b) : b));
            else { output.AddRange(Encoding.Latin1.GetBytes(Printable(ch))); continue; }
            int? mark = (hat, breve, tone) switch
            {
                (true, _, '\u0300') => 0xE0, (true, _, '\u0301') => 0xE1, (true, _, '\u0309') => 0xE5, (true, _, '\u0303') => 0xE3, (true, _, '\u0323') => 0xE4,
                (true, _, _) => 0xE2,
                (_, true, '\u0300') => 0xE8, (_, true, '\u0301') => 0xE9, (_, true, '\u0309') => 0xFA, (_, true, '\u0303') => 0xFC, (_, true, '\u0323') => 0xEB,
                (_, true, _) => 0xEA,
                (_, _, '\u0300') => 0xF8, (_, _, '\u0301') => 0xF9, (_, _, '\u0309') => 0xFB, (_, _, '\u0303') => 0xF5, (_, _, '\u0323') => 0xEF,
                _ => null,
            };
            if (mark is { } m) output.Add((byte)U(m));
        }
        return [.. output];
    }

    // Typographic quotes have no place in the legacy tables: plain ones, as typists used.
    private static string Printable(char c) => c switch { '“' or '”' => "\"", '‘' or '’' => "'", '–' => "-", _ => c < 0x100 ? c.ToString() : "?" };
}
