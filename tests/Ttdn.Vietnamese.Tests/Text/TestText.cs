using System.Text;

namespace Ttdn.Vietnamese.Tests.Text;

internal static class TestText
{
    public static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);

    public static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>All 144 Vietnamese vowel characters (12 letters × 6 tones × 2 cases), each with its plain ASCII base.</summary>
    public static IEnumerable<(char Vowel, char Base)> AllVowels()
    {
        const string lower = "aăâeêioôơuưy";
        const string upper = "AĂÂEÊIOÔƠUƯY";
        const string plain = "aaaeeiooouuy";
        string[] tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        for (int v = 0; v < lower.Length; v++)
        {
            foreach (string tone in tones)
            {
                yield return (Nfc(lower[v] + tone)[0], plain[v]);
                yield return (Nfc(upper[v] + tone)[0], plain[v]);
            }
        }
    }

    public static string[] SeedLines(string fileName) => File.ReadAllLines(Seeds.Path(fileName), Encoding.UTF8);
}
